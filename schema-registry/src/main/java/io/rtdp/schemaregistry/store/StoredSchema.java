package io.rtdp.schemaregistry.store;

import java.util.List;

import io.rtdp.schemaregistry.schema.SchemaReference;

/** A schema under its global id. Two registrations with equal type, text and references share the id. */
public record StoredSchema(int id, String schemaType, String schema, List<SchemaReference> references) {
    public Content content() {
        return new Content(schemaType, schema, references);
    }

    /** What makes two schemas the same schema, whatever their ids. */
    public record Content(String schemaType, String schema, List<SchemaReference> references) {
    }
}
