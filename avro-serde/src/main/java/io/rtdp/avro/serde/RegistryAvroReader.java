package io.rtdp.avro.serde;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;

import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.RegistryClient;

/** Reads wire-format records: the schema id from the header, the writer's schema from the registry, then the datum. */
public final class RegistryAvroReader {
    /** A decoded record: the id and schema it was written with, and its value. */
    public record Decoded(int schemaId, Schema writerSchema, Object value) {
    }

    private final RegistryClient client;

    public RegistryAvroReader(RegistryClient client) {
        this.client = client;
    }

    public Schema writerSchema(String topic, int id) {
        try {
            return client.schemaById(id);
        } catch (RegistryClientException e) {
            String cause = e.errorCode() == 40403
                    ? "the registry has no schema with that id: the record was written against another registry, or its"
                    + " schema was deleted permanently" : e.getMessage();
            throw new SerializationException("Cannot read a record on topic " + topic + " written with schema id " + id
                    + " (schema registry " + client.urls() + "): " + cause, e);
        }
    }

    /** Reads with the writer's schema into the generic model without logical-type conversions. */
    public Decoded read(String topic, byte[] bytes) {
        int id = WireFormat.schemaId(topic, bytes);
        Schema writer = writerSchema(topic, id);
        return new Decoded(id, writer, read(topic, bytes, id, new GenericDatumReader<>(writer, writer, GenericData.get())));
    }

    public Object read(String topic, byte[] bytes, int id, DatumReader<?> reader) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE,
                    bytes.length - WireFormat.HEADER_SIZE, null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode a record on topic " + topic + " with schema id " + id
                    + ": the bytes do not match that schema (" + e + ")", e);
        }
    }
}
