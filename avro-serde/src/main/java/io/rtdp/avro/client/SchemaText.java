package io.rtdp.avro.client;

/**
 * A registered schema as the registry stores it, whatever its type: {@code schemaType} AVRO, JSON or
 * PROTOBUF, {@code schema} its text; {@code version} is 0 when it was looked up by id.
 */
public record SchemaText(int id, int version, String schemaType, String schema) {
}
