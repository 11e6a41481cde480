package io.rtdp.avro.client;

import org.apache.avro.Schema;

/** A schema as registered: its global id, its version under the subject asked about, and the schema. */
public record RegisteredSchema(int id, int version, Schema schema) {
}
