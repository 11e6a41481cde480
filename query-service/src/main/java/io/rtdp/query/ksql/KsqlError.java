package io.rtdp.query.ksql;

/**
 * An error the KSQL server answered (SPEC §4.8): its HTTP status, ksqlDB's {@code error_code}
 * (0 when the body was not an error object) and its message.
 */
public record KsqlError(int status, int errorCode, String message) {
}
