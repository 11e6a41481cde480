package io.rtdp.ksql.server;

import io.rtdp.ksql.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one KSQL server: {@code KsqlServerMain <ksql-server.properties>}. Logs one line
 * "KSQL server ready at <url>" once the command topic is replayed; stops on SIGTERM/Ctrl-C.
 */
public final class KsqlServerMain {
  private static final Logger LOG = LoggerFactory.getLogger(KsqlServerMain.class);

  private KsqlServerMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: KsqlServerMain <ksql-server.properties>\n"
          + "  keys: listeners (http://0.0.0.0:8088), bootstrap.servers (required), ksql.service.id (default_),\n"
          + "        ksql.streams.state.dir (<tmp>/ksql-server-state), ksql.advertised.listener,\n"
          + "        ksql.server.command.response.timeout.ms (5000), ksql.internal.topic.replicas (1),\n"
          + "        ksql.logging.processing.* (processing-log topic and stream),\n"
          + "        ksql.streams.* (Kafka Streams settings of every query), other ksql.* engine settings"
          + (args.length == 1 ? "\nno such file: " + args[0] : ""));
      System.exit(2);
    }
    KsqlServer server;
    try {
      server = new KsqlServer(ServerConfig.load(Path.of(args[0]))).start();
    } catch (RuntimeException e) {
      LOG.error("KSQL server failed to start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ksql-server-shutdown"));
    if (!server.awaitReady(Long.MAX_VALUE)) {
      LOG.error("KSQL server failed to replay its command topic {}; see the errors above", server.commandTopic());
      System.exit(1);
    }
    LOG.info("KSQL server ready at {} (command topic {})", server.url(), server.commandTopic());
  }
}
