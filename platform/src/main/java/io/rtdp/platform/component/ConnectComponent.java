package io.rtdp.platform.component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rtdp.embedded.connect.ConnectNode;
import io.rtdp.embedded.connect.ConnectPlugins;

/** The Kafka Connect worker in distributed mode, with the plugins the build assembled. */
final class ConnectComponent implements Component {
    private static final String AVRO_CONVERTER = "io.rtdp.avro.connect.AvroConverter";
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
        Map<String, String> worker = new LinkedHashMap<>(ConnectNode.workerProperties(bootstrap, host(), port(),
                context.settings().string("connect.group-id"), ConnectPlugins.under(context.home())));
        // Records travel as Avro with their schemas in the platform's registry unless a connector
        // chooses another converter, as on any Confluent-style platform.
        String registry = SchemaRegistryComponent.url(context.settings());
        for (String side : List.of("key", "value")) {
            worker.put(side + ".converter", AVRO_CONVERTER);
            worker.put(side + ".converter.schema.registry.url", registry);
        }
        // Exactly once end to end, so that a restart of the worker or of the KSQL server neither
        // loses nor repeats events: source connectors that support it (the generator) write their
        // records and source offsets in one transaction, and sinks read committed records only
        // (the KSQL server's queries write transactionally, ksql.streams.processing.guarantee).
        worker.put("exactly.once.source.support", "enabled");
        worker.put("consumer.isolation.level", "read_committed");
        PropertiesFiles.write(configFile(), "Apache Kafka Connect worker (distributed mode)", worker);
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
        return HttpProbe.answers200(url() + "/connectors");
    }

    @Override
    public String url() {
        return "http://" + host() + ":" + port();
    }
}
