package io.rtdp.avro.client;

/** The registry answered with an error, or could not be reached; carries Confluent's error code. */
public final class RegistryClientException extends RuntimeException {
    /** The error code of an unreachable registry (no HTTP answer at all). */
    public static final int UNREACHABLE = -1;

    private final int errorCode;

    public RegistryClientException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** Confluent's code (40401, 40403, 409…), the HTTP status when the answer had none, or {@link #UNREACHABLE}. */
    public int errorCode() {
        return errorCode;
    }
}
