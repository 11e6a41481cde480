package io.rtdp.ksql.server;

import io.rtdp.ksql.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * KSQL servers in the test JVM, set for tests: quick commits, no caching, so that rows show up at
 * once. Shared with the other modules' tests through ksql-server's test-jar; a test class that wants
 * one server for all its tests registers {@link KsqlServerExtension} instead.
 */
public final class TestServers {
  /** Generous: on a loaded machine the first Kafka Streams start-up of a JVM is slow. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private TestServers() {
  }

  /** The settings of a test server; {@code extra} adds to or overrides the defaults. */
  public static Map<String, String> config(String bootstrapServers, String serviceId, Path stateDir,
      Map<String, String> extra) {
    Map<String, String> config = new HashMap<>();
    config.put("listeners", "http://127.0.0.1:0");
    config.put("bootstrap.servers", bootstrapServers);
    config.put("ksql.service.id", serviceId);
    config.put("ksql.streams.state.dir", stateDir.toString());
    config.put("ksql.streams.commit.interval.ms", "100");
    config.put("ksql.streams.cache.max.bytes.buffering", "0");
    config.putAll(extra);
    return config;
  }

  /** A started server, ready to answer; the caller closes it (and owns {@code stateDir}). */
  public static KsqlServer start(String bootstrapServers, String serviceId, Path stateDir, Map<String, String> extra)
      throws Exception {
    KsqlServer server = new KsqlServer(new ServerConfig(config(bootstrapServers, serviceId, stateDir, extra)))
        .start();
    if (!server.awaitReady(READY_TIMEOUT.toMillis())) {
      server.close();
      throw new IllegalStateException("the KSQL server " + serviceId + " did not become ready in "
          + READY_TIMEOUT.toSeconds() + " s: see its log above for the cause");
    }
    return server;
  }
}
