package io.rtdp.ksql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The CLI's version, written into ksql-cli.properties by the build. */
public final class KsqlCliVersion {
  private KsqlCliVersion() {}

  public static String get() {
    try (InputStream in = KsqlCliVersion.class.getResourceAsStream("/ksql-cli.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
