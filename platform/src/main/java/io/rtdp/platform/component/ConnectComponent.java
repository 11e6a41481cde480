package io.rtdp.platform.component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.rtdp.embedded.connect.ConnectNode;
import io.rtdp.embedded.connect.ConnectPlugins;

/** The Kafka Connect worker in distributed mode, with the plugins the build assembled. */
final class ConnectComponent implements Component {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformContext context;

    ConnectComponent(PlatformContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "connect";
    }

    private String host() {
        return context.settings().string("connect.host");
    }

    private int port() {
        return context.settings().port("connect.port");
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("connect.port", host(), port(), false));
    }

    private Path configFile() {
        return context.dataDir().of("connect").resolve("connect-distributed.properties");
    }

    @Override
    public void prepare() throws IOException {
        String bootstrap = context.settings().string("kafka.host") + ":" + context.settings().port("kafka.port");
        PropertiesFiles.write(configFile(), "Apache Kafka Connect worker (distributed mode)",
                ConnectNode.workerProperties(bootstrap, host(), port(), context.settings().string("connect.group-id"),
                        ConnectPlugins.under(context.home())));
    }

    @Override
    public List<String> command() {
        return JvmCommand.onLauncherClasspath(context.settings().string("connect.jvm-options"),
                "org.apache.kafka.connect.cli.ConnectDistributed", configFile().toString());
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    /** Ready once the worker joined its group: until then /connectors does not answer 200. */
    @Override
    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/connectors"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String url() {
        return "http://" + host() + ":" + port();
    }
}
