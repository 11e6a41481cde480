package io.rtdp.schemaregistry.store;

/** The schemas topic could not be read or written in time; the message names the topic and the cause. */
public final class StoreException extends RuntimeException {
    private final boolean timeout;

    public StoreException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
