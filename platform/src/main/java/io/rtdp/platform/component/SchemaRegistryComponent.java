package io.rtdp.platform.component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rtdp.platform.config.Settings;

/** The Confluent-compatible schema registry, its schemas in the compacted topic {@code _schemas}. */
final class SchemaRegistryComponent implements Component {
    private final PlatformContext context;

    SchemaRegistryComponent(PlatformContext context) {
        this.context = context;
    }

    static String url(Settings settings) {
        return "http://" + settings.string("schema-registry.host") + ":" + settings.port("schema-registry.port");
    }

    @Override
    public String name() {
        return "schema-registry";
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("schema-registry.port", context.settings().string("schema-registry.host"),
                context.settings().port("schema-registry.port"), false));
    }

    private Path configFile() {
        return context.dataDir().of("schema-registry").resolve("schema-registry.properties");
    }

    @Override
    public void prepare() throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", url());
        config.put("host.name", context.settings().string("schema-registry.host"));
        config.put("kafkastore.bootstrap.servers",
                context.settings().string("kafka.host") + ":" + context.settings().port("kafka.port"));
        config.put("kafkastore.topic", "_schemas");
        PropertiesFiles.write(configFile(), "rtdp schema registry (Confluent Schema Registry API)", config);
    }

    @Override
    public List<String> command() {
        return JvmCommand.onModuleClasspath(context.home(), "schema-registry",
                context.settings().string("schema-registry.jvm-options"),
                "io.rtdp.schemaregistry.SchemaRegistryMain", configFile().toString());
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public boolean ready() {
        return HttpProbe.answers200(url() + "/subjects");
    }

    @Override
    public String url() {
        return url(context.settings());
    }
}
