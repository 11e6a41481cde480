package io.rtdp.schemaregistry.store;

/** Version {@code version} of {@code subject} is the schema with global id {@code id}. */
public record SubjectVersion(String subject, int version, int id, boolean deleted) {
}
