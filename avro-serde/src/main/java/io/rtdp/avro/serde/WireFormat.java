package io.rtdp.avro.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/** Confluent's framing: magic byte 0, the schema id as a big-endian int32, then the Avro binary datum. */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed record; fails with the cause when the bytes are not framed this way. */
    public static int schemaId(String topic, byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new SerializationException("Record on topic " + topic + " is " + bytes.length + " bytes, shorter than the "
                    + HEADER_SIZE + "-byte header of the schema registry wire format (magic byte 0 + 4-byte schema id):"
                    + " it was not written by an Avro schema-registry serializer");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02X in a record on topic %s: the schema"
                    + " registry wire format starts with 0x00. The record was not written by an Avro schema-registry"
                    + " serializer (plain JSON or another format?): fix the producer, or read the topic with the"
                    + " matching deserializer/converter", bytes[0], topic));
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }
}
