package io.rtdp.ksql.server;

import io.rtdp.testkit.KafkaBrokerExtension;
import io.rtdp.testkit.ServerExtension;
import io.rtdp.testkit.TempDirs;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real KSQL server in the test JVM for one test class, on a free port, against the class's broker
 * and set as {@link TestServers} sets it. Register it after the broker, both on static fields:
 * <pre>
 * {@literal @}RegisterExtension {@literal @}Order(1) static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
 * {@literal @}RegisterExtension {@literal @}Order(2) static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "my_test_");
 * </pre>
 */
public final class KsqlServerExtension extends ServerExtension {
  private final KafkaBrokerExtension kafka;
  private final String serviceId;
  private Path stateDir;
  private KsqlServer server;

  public KsqlServerExtension(KafkaBrokerExtension kafka, String serviceId) {
    this.kafka = kafka;
    this.serviceId = serviceId;
  }

  @Override
  public synchronized KsqlServerExtension start() {
    if (server == null) {
      stateDir = TempDirs.create("ksql-" + serviceId);
      try {
        server = TestServers.start(kafka.bootstrapServers(), serviceId, stateDir, Map.of());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        TempDirs.delete(stateDir);
        throw new IllegalStateException("could not start the KSQL server " + serviceId, e);
      }
    }
    return this;
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
      TempDirs.delete(stateDir);
    }
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    if (server == null) {
      throw new IllegalStateException("the KSQL server is not started: register KsqlServerExtension on a static"
          + " field with @RegisterExtension, after the broker");
    }
    return server.url();
  }
}
