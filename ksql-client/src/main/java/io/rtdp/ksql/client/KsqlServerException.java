package io.rtdp.ksql.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The KSQL server refused a request: its HTTP status, ksqlDB error code and message (SPEC §4.8).
 * The error object is kept as received, so that a tool can print it unchanged.
 */
public final class KsqlServerException extends RuntimeException {
  private final int status;
  private final JsonNode body;
  private final String request;

  /** {@code body} is the server's error object, or null when it sent none; its message wins over {@code fallbackMessage}. */
  public KsqlServerException(int status, JsonNode body, String fallbackMessage, String request) {
    super(body != null && body.path("message").isTextual() ? body.get("message").asText() : fallbackMessage);
    this.status = status;
    this.body = body;
    this.request = request;
  }

  public int status() {
    return status;
  }

  /** ksqlDB's error code ({@code 40001} for a bad statement …), or the status times 100 when the server gave none. */
  public int errorCode() {
    return body != null && body.path("error_code").canConvertToInt() ? body.get("error_code").asInt() : status * 100;
  }

  /** The error object as the server sent it, or null when the body was not one. */
  public JsonNode body() {
    return body;
  }

  /** The statement the server named as failing, or null. */
  public String statementText() {
    return body != null && body.path("statementText").isTextual() ? body.get("statementText").asText() : null;
  }

  /** The statements or query the request carried. */
  public String request() {
    return request;
  }
}
