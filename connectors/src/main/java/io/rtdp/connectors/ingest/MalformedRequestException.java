package io.rtdp.connectors.ingest;

/** A request body that is not what the endpoint takes, with where the problem is. */
final class MalformedRequestException extends Exception {
    private final int line;
    private final int event;

    /**
     * @param line  1-based line of the body where the problem is
     * @param event 1-based position of the event in the request, 0 when not inside an event
     */
    MalformedRequestException(int line, int event, String message) {
        super(message);
        this.line = line;
        this.event = event;
    }

    int line() {
        return line;
    }

    int event() {
        return event;
    }
}
