package io.rtdp.platform.pipelines;

/** A step of the pipelines could not be applied; the message names the file and what to do. */
public final class PipelineException extends Exception {
    public PipelineException(String message) {
        super(message);
    }
}
