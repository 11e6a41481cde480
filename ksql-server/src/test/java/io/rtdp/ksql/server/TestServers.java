package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtdp.ksql.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Servers for the query tests: quick commits, no caching, so that rows show up at once. */
final class TestServers {
  private TestServers() {
  }

  /** The settings of a test server; {@code extra} adds to or overrides the defaults. */
  static Map<String, String> config(String bootstrapServers, String serviceId, Path stateDir,
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

  static KsqlServer start(String bootstrapServers, String serviceId, Path stateDir, Map<String, String> extra)
      throws Exception {
    KsqlServer server = new KsqlServer(new ServerConfig(config(bootstrapServers, serviceId, stateDir, extra)))
        .start();
    assertThat(server.awaitReady(60_000)).isTrue();
    return server;
  }

  static KsqlServer start(String bootstrapServers, String serviceId) throws Exception {
    return start(bootstrapServers, serviceId, Files.createTempDirectory("ksql-" + serviceId), Map.of());
  }
}
