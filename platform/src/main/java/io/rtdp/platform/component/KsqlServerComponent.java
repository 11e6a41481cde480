package io.rtdp.platform.component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rtdp.platform.config.Settings;

/** The KSQL server (ksqlDB's REST API), its persistent queries' state under the data directory. */
final class KsqlServerComponent implements Component {
    private final PlatformContext context;

    KsqlServerComponent(PlatformContext context) {
        this.context = context;
    }

    static String url(Settings settings) {
        return "http://" + settings.string("ksql-server.host") + ":" + settings.port("ksql-server.port");
    }

    @Override
    public String name() {
        return "ksql-server";
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("ksql-server.port", context.settings().string("ksql-server.host"),
                context.settings().port("ksql-server.port"), false));
    }

    private Path configFile() {
        return context.dataDir().of("ksql-server").resolve("ksql-server.properties");
    }

    @Override
    public void prepare() throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", url());
        config.put("bootstrap.servers", context.settings().string("kafka.host") + ":" + context.settings().port("kafka.port"));
        config.put("ksql.service.id", context.settings().string("ksql-server.service-id"));
        config.put("ksql.streams.state.dir", context.dataDir().of("ksql-server").resolve("state").toString());
        config.put("ksql.internal.topic.replicas", "1");
        // Each query commits its input offsets, state and output in one transaction: after a restart
        // (even a kill) it neither counts an event twice nor emits a window's final row twice, and
        // it reads only committed records of the generator (exactly once, connect worker).
        config.put("ksql.streams.processing.guarantee", "exactly_once_v2");
        // Under exactly once every commit is a transaction: flush, offsets and markers, each a round trip
        // to the broker that the query's thread waits for. Kafka Streams' 100 ms default made the
        // pipelines' 15 queries fall minutes behind at 5 000 readings/s on 2 cores; each commit also
        // publishes the cached table updates, so this is the delay a result may wait to be seen.
        config.put("ksql.streams.commit.interval.ms", context.settings().string("ksql-server.commit-interval-ms"));
        // AVRO and JSON_SR sources and sinks keep their schemas in the platform's registry.
        config.put("ksql.schema.registry.url", SchemaRegistryComponent.url(context.settings()));
        // Bad records land in a topic users can query as the stream KSQL_PROCESSING_LOG.
        config.put("ksql.logging.processing.topic.auto.create", "true");
        config.put("ksql.logging.processing.stream.auto.create", "true");
        // The platform's own functions (module ksql-udfs); the pipelines' queries call them.
        config.put("ksql.extension.dir", context.home().resolve("ksql-udfs").resolve("target").resolve("extensions").toString());
        PropertiesFiles.write(configFile(), "rtdp KSQL server (ksqlDB REST API)", config);
    }

    @Override
    public List<String> command() {
        return JvmCommand.onModuleClasspath(context.home(), "ksql-server", context.settings().string("ksql-server.jvm-options"),
                "io.rtdp.ksql.server.KsqlServerMain", configFile().toString());
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    @Override
    public boolean ready() {
        return HttpProbe.answers200(url() + "/info");
    }

    @Override
    public String url() {
        return url(context.settings());
    }
}
