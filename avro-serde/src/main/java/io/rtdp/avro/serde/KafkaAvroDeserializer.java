package io.rtdp.avro.serde;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of the schema registry wire format: returns generic records (strings as
 * {@link Utf8} inside records, logical types in their Avro representation, as Confluent's does), or
 * generated classes with {@code specific.avro.reader=true}. A top-level string comes back as String.
 */
public final class KafkaAvroDeserializer implements Deserializer<Object> {
    private RegistryAvroReader reader;
    private boolean specific;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        reader = new RegistryAvroReader(config.client());
        specific = config.specificAvroReader();
        if (specific) {
            trustGeneratedClasses();
        }
    }

    /**
     * Avro 1.12 instantiates by name only classes it trusts. Asking for specific records is asking for
     * the generated classes named by the writer's schema, so those (and only Avro-generated kinds of
     * classes) become trusted.
     */
    private static synchronized void trustGeneratedClasses() {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> SpecificRecord.class.isAssignableFrom(type) || GenericEnumSymbol.class.isAssignableFrom(type)
                        || GenericFixed.class.isAssignableFrom(type)));
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (reader == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured: pass it to the consumer by class"
                    + " name, or call configure(configs, isKey) first");
        }
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        Schema writer = reader.writerSchema(topic, id);
        Object value = reader.read(topic, data, id, datumReader(writer));
        return value instanceof Utf8 ? value.toString() : value;
    }

    private DatumReader<?> datumReader(Schema writer) {
        if (specific && writer.getType() == Schema.Type.RECORD) {
            Class<?> type = generatedClass(writer);
            Schema readerSchema = SpecificData.get().getSchema(type);
            return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForClass(type));
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    private static Class<?> generatedClass(Schema writer) {
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(writer.getFullName(), true,
                    context != null ? context : KafkaAvroDeserializer.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new SerializationException("specific.avro.reader=true, but " + type.getName()
                        + " is not a generated Avro class (SpecificRecord)");
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new SerializationException("specific.avro.reader=true, but there is no generated class "
                    + writer.getFullName() + " on the classpath: add it (avro-maven-plugin), or read generic records", e);
        }
    }
}
