package io.rtdp.query.errors;

/** One rejected request parameter: its name as the client sent it, and what is wrong with it. */
public record FieldError(String field, String message) {
}
