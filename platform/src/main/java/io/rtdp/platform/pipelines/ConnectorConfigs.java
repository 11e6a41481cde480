package io.rtdp.platform.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rtdp.platform.config.Settings;

/**
 * The connector configurations of {@code connectors/config/}: the sources in the folder itself,
 * the JDBC sinks in {@code sinks/}; each file {@code NAME.json} is the connector {@code NAME}. The
 * files work as they are against a platform on the default ports (curl -d @file); for this
 * platform the settings that depend on it (PostgreSQL's URL and credentials, the ingest port)
 * replace theirs.
 */
final class ConnectorConfigs {
    static final String JDBC_SINK = "io.debezium.connector.jdbc.JdbcSinkConnector";
    static final String HTTP_INGEST = "io.rtdp.connectors.ingest.HttpIngestSourceConnector";
    static final String GENERATOR = "io.rtdp.connectors.generator.GeneratorSourceConnector";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One connector: its name, the file it comes from and its configuration for this platform. */
    record Connector(String name, Path file, Map<String, String> config) {
    }

    private ConnectorConfigs() {
    }

    static Path directory(Path home) {
        return home.resolve("connectors").resolve("config");
    }

    /**
     * Sources first, so that the sinks' topics have data to show as soon as they start; without the
     * event generators when pipelines.generators is false (a platform fed by real clients only).
     */
    static List<Connector> read(Path home, Settings settings) throws PipelineException {
        List<Connector> connectors = new ArrayList<>();
        Path dir = directory(home);
        boolean generators = settings.flag("pipelines.generators");
        for (Path file : jsonFiles(dir)) {
            Connector source = forPlatform(file, settings);
            if (generators || !GENERATOR.equals(source.config().get("connector.class"))) {
                connectors.add(source);
            }
        }
        for (Path file : jsonFiles(dir.resolve("sinks"))) {
            connectors.add(forPlatform(file, settings));
        }
        return connectors;
    }

    private static List<Path> jsonFiles(Path dir) throws PipelineException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new PipelineException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private static Connector forPlatform(Path file, Settings settings) throws PipelineException {
        Map<String, String> config;
        try {
            config = new LinkedHashMap<>(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (IOException e) {
            throw new PipelineException(file + " is not a connector configuration (a JSON object of strings): "
                    + e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String connectorClass = config.get("connector.class");
        if (connectorClass == null) {
            throw new PipelineException(file + " has no connector.class");
        }
        if (connectorClass.equals(JDBC_SINK)) {
            config.put("connection.url", "jdbc:postgresql://" + settings.string("postgres.host") + ":"
                    + settings.port("postgres.port") + "/" + settings.string("postgres.database"));
            config.put("connection.username", settings.string("postgres.user"));
            config.put("connection.password", settings.string("postgres.password"));
        } else if (connectorClass.equals(HTTP_INGEST)) {
            config.put("http.port", Integer.toString(settings.port("pipelines.ingest-port")));
        }
        return new Connector(name, file, config);
    }
}
