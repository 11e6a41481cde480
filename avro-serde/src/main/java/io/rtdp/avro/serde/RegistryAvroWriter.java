package io.rtdp.avro.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import io.rtdp.avro.client.RegisteredSchema;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.SchemaRegistryClient;

/**
 * Finds the schema id of a datum in the registry (registering it, looking it up, or taking the
 * subject's latest version, as configured) and frames the datum in the wire format.
 */
public final class RegistryAvroWriter {
    private final SchemaRegistryClient client;
    private final SubjectNameStrategy strategy;
    private final boolean isKey;
    private final boolean autoRegister;
    private final boolean useLatest;

    public RegistryAvroWriter(AvroSerdeConfig config, boolean isKey) {
        this.client = config.client();
        this.strategy = config.subjectNameStrategy(isKey);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatest = config.useLatestVersion();
    }

    public byte[] write(String topic, Schema schema, Object datum) {
        String subject = strategy.subjectName(topic, isKey, schema);
        int id;
        Schema writer = schema;
        Object value = datum;
        try {
            if (useLatest) {
                RegisteredSchema latest = client.latest(subject);
                id = latest.id();
                writer = latest.schema();
                value = conform(datum, schema, writer, subject, latest.version());
            } else if (autoRegister) {
                id = client.register(subject, schema);
            } else {
                id = client.idOf(subject, schema);
            }
        } catch (RegistryClientException e) {
            String hint = !useLatest && !autoRegister && (e.errorCode() == 40401 || e.errorCode() == 40403)
                    ? " (auto.register.schemas=false: register the schema under that subject first, or turn it on)" : "";
            throw new SerializationException("Cannot get the schema id of subject " + subject + " for topic " + topic
                    + " from the schema registry at " + client.urls() + ": " + e.getMessage() + hint, e);
        }
        return frame(id, writer, value);
    }

    /**
     * A generic record written with the latest registered schema instead of its own: its fields are
     * copied by name, missing ones take their default. Other data must already have that schema.
     */
    private static Object conform(Object datum, Schema own, Schema latest, String subject, int version) {
        if (own.equals(latest)) {
            return datum;
        }
        if (datum instanceof GenericRecord record && !(datum instanceof SpecificRecord) && latest.getType() == Schema.Type.RECORD) {
            GenericData.Record copy = new GenericData.Record(latest);
            for (Schema.Field field : latest.getFields()) {
                Schema.Field mine = own.getField(field.name());
                if (mine != null) {
                    copy.put(field.pos(), record.get(mine.pos()));
                } else if (field.hasDefaultValue()) {
                    copy.put(field.pos(), GenericData.get().getDefaultValue(field));
                } else {
                    throw new SerializationException("use.latest.version: version " + version + " of subject " + subject
                            + " has field " + field.name() + " without default, which the record lacks");
                }
            }
            return copy;
        }
        throw new SerializationException("use.latest.version: the data's schema differs from version " + version
                + " of subject " + subject + ": produce data of that schema, or turn use.latest.version off");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] frame(int id, Schema writer, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(id));
        if (datum instanceof byte[] bytes) {
            datum = ByteBuffer.wrap(bytes);
        }
        DatumWriter w = datum instanceof SpecificRecord
                ? new SpecificDatumWriter<>(writer, SpecificData.getForClass(datum.getClass()))
                : new GenericDatumWriter<>(writer, AvroDatums.GENERIC_WITH_LOGICAL_TYPES);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            w.write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode the data with schema id " + id + " (" + writer.getFullName()
                    + "): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
