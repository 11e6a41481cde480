package io.rtdp.ksql.engine.serde;

import io.rtdp.avro.client.RegistryClient;

/**
 * How a schema-registry format finds its schema: the registry, the id of a registered schema to
 * read and write with ({@code KEY_SCHEMA_ID}/{@code VALUE_SCHEMA_ID}, or the one columns were inferred
 * from; null = a schema generated from the columns), and the full name of generated record schemas.
 */
public record RegistryOptions(RegistryClient client, Integer schemaId, String fullSchemaName) {}
