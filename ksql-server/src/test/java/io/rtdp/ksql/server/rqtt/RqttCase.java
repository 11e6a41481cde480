package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One runnable RQTT case (QTT README §3) after {@code format} expansion: the statements, input
 * records, and what the REST responses, output topics or final error must be.
 */
record RqttCase(
    String file,
    String name,
    List<String> statements,
    List<JsonNode> inputs,
    List<JsonNode> outputs,
    List<JsonNode> topics,
    Map<String, Object> properties,
    List<JsonNode> responses,
    JsonNode expectedError,
    boolean waitForActivePushQuery,
    boolean verifyOrder) {

  /** {@code <file without .json> - <name>}, the name listed in rqtt-passing.txt. */
  String fullName() {
    return file.replaceFirst("\\.json$", "") + " - " + name;
  }

  /** Statements starting with SELECT are queries (/query); the others go to /ksql in one request. */
  static boolean isQuery(String statement) {
    return statement.stripLeading().regionMatches(true, 0, "SELECT ", 0, 7);
  }
}
