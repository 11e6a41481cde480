package io.rtdp.connectors.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.rtdp.connectors.common.SettingException;

/** The event model a generator configuration asks for. */
final class EventModels {
    private EventModels() {
    }

    /**
     * @throws SettingException naming the key to fix (avro.schema, avro.schema.file, avro.key.field or
     *                         avro.event.time.field) when the Avro settings cannot be used
     */
    static EventModel of(GeneratorConfig config) {
        return switch (config.domain()) {
            case IOT_READINGS -> new IotReadingsModel(config.seed());
            case COMMERCE_ORDERS -> new CommerceOrdersModel(config.seed());
            case COMMERCE_PAYMENTS -> new CommercePaymentsModel(config.seed());
            case AVRO -> avro(config);
        };
    }

    private static EventModel avro(GeneratorConfig config) {
        String inline = config.avroSchema().trim();
        String file = config.avroSchemaFile().trim();
        if (inline.isEmpty() == file.isEmpty()) {
            throw new SettingException(GeneratorConfig.AVRO_SCHEMA, inline.isEmpty() ? "" : "(set)",
                    "domain=avro needs exactly one of avro.schema (the schema itself) or avro.schema.file (a path on the worker)");
        }
        String schemaKey = inline.isEmpty() ? GeneratorConfig.AVRO_SCHEMA_FILE : GeneratorConfig.AVRO_SCHEMA;
        String json = inline;
        if (!file.isEmpty()) {
            try {
                json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SettingException(GeneratorConfig.AVRO_SCHEMA_FILE, file,
                        "cannot read the schema file on this worker (" + e + "); the file must exist on every worker that may run the connector");
            }
        }
        try {
            return new AvroEventModel(json, config.avroKeyField(), config.avroEventTimeField());
        } catch (IllegalArgumentException e) {
            throw new SettingException(schemaKey, inline.isEmpty() ? file : "(the schema)", e.getMessage());
        }
    }
}
