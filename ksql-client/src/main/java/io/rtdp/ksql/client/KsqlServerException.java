package io.rtdp.ksql.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The KSQL server refused a request: its HTTP status, ksqlDB error code and message (SPEC §4.8). */
public final class KsqlServerException extends RuntimeException {
  private final int status;
  private final int errorCode;
  private final String request;

  public KsqlServerException(int status, int errorCode, String message, String request) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.request = request;
  }

  static KsqlServerException of(int status, JsonNode error, String request) {
    String message = error.path("message").asText("HTTP " + status + ": " + error);
    return new KsqlServerException(status, error.path("error_code").asInt(status * 100), message, request);
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  /** The statements or query the request carried. */
  public String request() {
    return request;
  }
}
