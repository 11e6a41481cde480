package io.rtdp.schemaregistry.api;

import java.util.List;

import io.rtdp.schemaregistry.schema.SchemaReference;

/** The body of a register, lookup or compatibility request. */
public record SchemaRequest(String schema, String schemaType, List<SchemaReference> references) {
}
