package io.rtdp.ksql.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.client.KsqlServerException;
import io.rtdp.ksql.client.KsqlUnavailableException;
import java.io.PrintWriter;

/** What the interactive CLI shows first: who it is, which server it talks to, and whether that server runs. */
final class Banner {
  private static final String ART = """
        ===========================================
        =      _  __ ___  ___  _                  =
        =     | |/ // __|/ _ \\| |                 =
        =     | ' < \\__ \\ (_) | |__               =
        =     |_|\\_\\|___/\\__\\_\\____|              =
        =                                         =
        =   rtdp streaming SQL (ksqlDB dialect)   =
        ===========================================
      """;

  private Banner() {}

  static void print(PrintWriter out, KsqlClient client) {
    out.println();
    out.print(ART);
    out.println();
    String cli = "CLI v" + KsqlCliVersion.get();
    try {
      JsonNode info = client.info().path("KsqlServerInfo");
      out.println(cli + ", Server v" + info.path("version").asText("unknown") + " located at " + client.server());
      out.println("Server Status: " + info.path("serverStatus").asText("unknown"));
    } catch (KsqlUnavailableException e) {
      out.println(cli + ", Server located at " + client.server());
      out.println("Server Status: not reachable: " + e.reason());
      out.println("Statements are sent when you enter them: start the server (./rtdp up) or use 'server <url>'.");
    } catch (KsqlServerException e) {
      out.println(cli + ", Server located at " + client.server());
      out.println("Server Status: " + e.getMessage());
    }
    out.println();
    out.println("Having trouble? Type 'help' (case-insensitive) for a rundown of how things work!");
    out.println();
    out.flush();
  }
}
