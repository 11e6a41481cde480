package io.rtdp.avro.client;

import org.apache.avro.Schema;

/**
 * What serializers, converters and the KSQL engine need from a schema registry: Avro schemas parsed, or
 * schemas of any type as text. {@link SchemaRegistryClient}
 * talks to a registry over HTTP; {@link InMemoryRegistryClient} keeps schemas in memory for tests and
 * conformance runs. Failures are {@link RegistryClientException}s carrying Confluent's error code.
 */
public interface RegistryClient {
    /** Where the registry is, for messages that tell the user which registry was asked. */
    String urls();

    /** Registers the schema under the subject (or finds it there) and returns its id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; fails with 40403 when it is not. */
    int idOf(String subject, Schema schema);

    /** The schema with this global id; fails with 40403 when there is none. */
    Schema schemaById(int id);

    /** The latest version of the subject; fails with 40401 when the subject does not exist. */
    RegisteredSchema latest(String subject);

    /** Registers a schema of any type ({@code AVRO}, {@code JSON}, {@code PROTOBUF}) given as text; returns its id. */
    int register(String subject, String schemaType, String schema);

    /** The text and type of the schema with this id; fails with 40403 when there is none. */
    SchemaText textById(int id);

    /** The text and type of the subject's latest version; fails with 40401 when the subject does not exist. */
    SchemaText latestText(String subject);
}
