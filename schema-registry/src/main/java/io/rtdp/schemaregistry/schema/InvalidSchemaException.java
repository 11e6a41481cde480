package io.rtdp.schemaregistry.schema;

/** The schema text is not a valid schema; the message says why. */
public final class InvalidSchemaException extends Exception {
    public InvalidSchemaException(String message) {
        super(message);
    }
}
