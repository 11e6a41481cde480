package io.rtdp.schemaregistry.schema;

/** A named type that a schema uses and that another subject's version defines. */
public record SchemaReference(String name, String subject, int version) {
}
