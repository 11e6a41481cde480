package io.rtdp.avro.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

import io.rtdp.avro.serde.AvroSerdeConfig;
import io.rtdp.avro.serde.RegistryAvroReader;
import io.rtdp.avro.serde.RegistryAvroWriter;

/**
 * Kafka Connect converter between Connect data and Avro in the schema registry wire format, set as
 * {@code key.converter} / {@code value.converter} = {@code io.rtdp.avro.connect.AvroConverter} with
 * {@code key.converter.schema.registry.url} / {@code value.converter.schema.registry.url}; the other
 * serializer settings (subject name strategies, auto.register.schemas, use.latest.version) apply too.
 */
public final class AvroConverter implements Converter {
    private static final int CACHE_SIZE = 1000;

    private RegistryAvroWriter writer;
    private RegistryAvroReader reader;
    private final Map<org.apache.kafka.connect.data.Schema, Schema> avroSchemas = lru();
    private final Map<Integer, org.apache.kafka.connect.data.Schema> connectSchemas = lru();

    private static <K, V> Map<K, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        });
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        writer = new RegistryAvroWriter(config, isKey);
        reader = new RegistryAvroReader(config.client());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(AvroSerdeConfig.SCHEMA_REGISTRY_URL, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH,
                        "Comma-separated URLs of the schema registry")
                .define(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                        "Register the schemas of the records written")
                .define(AvroSerdeConfig.USE_LATEST_VERSION, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                        "Write with the latest registered version of the subject");
    }

    @Override
    public byte[] fromConnectData(String topic, org.apache.kafka.connect.data.Schema schema, Object value) {
        if (value == null) {
            return null; // a tombstone stays a tombstone
        }
        try {
            Schema avro = avroSchemas.computeIfAbsent(schema, ConnectToAvro::schema);
            return writer.write(topic, avro, ConnectToAvro.value(schema, value, avro));
        } catch (SerializationException | ClassCastException e) {
            throw new DataException("Cannot convert a record for topic " + topic + " to Avro: " + e.getMessage(), e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            RegistryAvroReader.Decoded decoded = reader.read(topic, value);
            org.apache.kafka.connect.data.Schema schema = connectSchemas.computeIfAbsent(decoded.schemaId(),
                    id -> AvroToConnect.schema(decoded.writerSchema()));
            return new SchemaAndValue(schema, AvroToConnect.value(schema, decoded.value()));
        } catch (SerializationException e) {
            throw new DataException(e.getMessage(), e);
        }
    }
}
