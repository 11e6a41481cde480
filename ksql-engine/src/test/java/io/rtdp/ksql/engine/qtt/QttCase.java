package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One runnable QTT case, after {@code format}/{@code config} expansion. */
record QttCase(String file, String name, List<String> statements, List<JsonNode> inputs, List<JsonNode> outputs,
    JsonNode topics, Map<String, String> properties, JsonNode expectedException, JsonNode post) {

  /** The full name: {@code <file> - <test name>[ - <variant>]}. */
  String fullName() {
    return file + " - " + name;
  }
}
