package io.rtdp.schemaregistry.schema;

import java.util.List;

import org.apache.avro.Schema;

/**
 * A schema that parsed, with the text the registry stores and compares: Avro's own rendering of it,
 * so that whitespace and the order of JSON members do not make two equal schemas differ.
 */
public record ParsedSchema(Schema avro, String canonical, List<SchemaReference> references) {
}
