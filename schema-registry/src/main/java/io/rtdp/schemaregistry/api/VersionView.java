package io.rtdp.schemaregistry.api;

import io.rtdp.schemaregistry.store.StoredSchema;

/** A subject's version together with its schema, as the API shows it. */
public record VersionView(String subject, int version, StoredSchema schema) {
}
