package io.rtdp.ksql.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A finished response: status, content type and body. */
public record RestResponse(int status, String contentType, String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  public static RestResponse json(int status, Object entity) {
    try {
      return new RestResponse(status, "application/json", JSON.writeValueAsString(entity));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a response entity", e);
    }
  }

  /** {@code generic_error} of SPEC §4.8; the HTTP status is error_code / 100. */
  public static RestResponse error(int errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@type", "generic_error");
    body.put("error_code", errorCode);
    body.put("message", message);
    return json(errorCode / 100, body);
  }

  /** {@code statement_error}: the failing statement and the entities the request produced before it. */
  public static RestResponse statementError(int errorCode, String message, String statementText, List<?> entities) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@type", "statement_error");
    body.put("error_code", errorCode);
    body.put("message", message);
    body.put("statementText", statementText);
    body.put("entities", entities);
    return json(errorCode / 100, body);
  }

  public static RestResponse notFound() {
    return new RestResponse(404, "text/plain", "Not Found");
  }
}
