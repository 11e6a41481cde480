package io.rtdp.avro.serde;

import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Avro in the schema registry wire format: generic records, generated
 * specific records and primitives. Settings: {@code schema.registry.url}, {@code auto.register.schemas}
 * (true), {@code use.latest.version} (false), {@code key.subject.name.strategy} /
 * {@code value.subject.name.strategy} (TopicNameStrategy).
 */
public final class KafkaAvroSerializer implements Serializer<Object> {
    private RegistryAvroWriter writer;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        writer = new RegistryAvroWriter(new AvroSerdeConfig(configs), isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (writer == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured: pass it to the producer by class name,"
                    + " or call configure(configs, isKey) first");
        }
        if (data == null) {
            return null;
        }
        return writer.write(topic, AvroDatums.schemaOf(data), data);
    }
}
