package io.rtdp.platform.component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import io.rtdp.embedded.kafka.KafkaNode;

/** The Apache Kafka broker, single node in KRaft mode, its topics under the data directory. */
final class KafkaComponent implements Component {
    private final PlatformContext context;

    KafkaComponent(PlatformContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "kafka";
    }

    private String host() {
        return context.settings().string("kafka.host");
    }

    private int port() {
        return context.settings().port("kafka.port");
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("kafka.port", host(), port(), false),
                new PortClaim("kafka.controller-port", "127.0.0.1", context.settings().port("kafka.controller-port"), false));
    }

    private Path configFile() {
        return context.dataDir().of("kafka").resolve("server.properties");
    }

    @Override
    public void prepare() throws IOException {
        PropertiesFiles.write(configFile(), "Apache Kafka broker (KRaft, single node)",
                KafkaNode.singleNodeProperties(context.dataDir().of("kafka").resolve("data"), host(), port(),
                        context.settings().port("kafka.controller-port")));
    }

    @Override
    public List<String> command() {
        return JvmCommand.onLauncherClasspath(context.settings().string("kafka.jvm-options"),
                KafkaNode.class.getName(), configFile().toString());
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    @Override
    public boolean ready() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, url(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            if (notYet instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @Override
    public String url() {
        return host() + ":" + port();
    }
}
