package io.rtdp.ksql.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server answered with an error object (SPEC §4.8). The body is kept as received so that JSON
 * output can print it unchanged.
 */
public final class KsqlServerException extends Exception {
  private final int httpStatus;
  private final JsonNode body;

  public KsqlServerException(int httpStatus, JsonNode body, String fallbackMessage) {
    super(body != null && body.path("message").isTextual() ? body.get("message").asText() : fallbackMessage);
    this.httpStatus = httpStatus;
    this.body = body;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The error object as the server sent it, or null when the body was not JSON. */
  public JsonNode body() {
    return body;
  }

  /** The statement the server named as failing, or null. */
  public String statementText() {
    return body != null && body.path("statementText").isTextual() ? body.get("statementText").asText() : null;
  }
}
