package io.rtdp.ksql.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {
  @Test
  void arrayContainsMatchesByJsonType() {
    JsonArrayContains c = new JsonArrayContains();
    String json = "[\"Pink\", 1, 2.5, true, null]";
    assertThat(c.jsonArrayContains(json, "Pink")).isTrue();
    assertThat(c.jsonArrayContains(json, 1)).isTrue();
    assertThat(c.jsonArrayContains(json, 1L)).isTrue();
    assertThat(c.jsonArrayContains(json, 2.5)).isTrue();
    assertThat(c.jsonArrayContains(json, true)).isTrue();
    assertThat(c.jsonArrayContains(json, "1")).isFalse();
    assertThat(c.jsonArrayContains(json, 1.0)).isFalse();
    assertThat(c.jsonArrayContains("{\"a\": 1}", 1)).isFalse();
    assertThat(c.jsonArrayContains("[1", 1)).isFalse();
    assertThat(c.jsonArrayContains(null, 1)).isNull();
  }

  @Test
  void itemsAreCompactJsonText() {
    assertThat(new JsonItems().jsonItems("[{\"a\": 1}, \"s\", 2]")).containsExactly("{\"a\":1}", "\"s\"", "2");
    assertThat(new JsonItems().jsonItems("[]")).isEmpty();
    assertThat(new JsonItems().jsonItems("{}")).isNull();
    assertThat(new JsonItems().jsonItems(null)).isNull();
  }

  @Test
  void recordsUnquoteStringValues() {
    assertThat(new JsonRecords().jsonRecords("{\"a\": \"x\", \"b\": 3, \"c\": [1]}"))
        .isEqualTo(Map.of("a", "x", "b", "3", "c", "[1]"));
    assertThat(new JsonRecords().jsonRecords("")).isNull();
    assertThat(new JsonRecords().jsonRecords("[1]")).isNull();
  }

  @Test
  void concatMergesObjectsOrConcatenatesArrays() {
    JsonConcat c = new JsonConcat();
    assertThat(c.jsonConcat("{\"a\": {\"5\": 6}}", "{\"a\": {\"3\": 4}, \"b\": 1}")).isEqualTo("{\"a\":{\"3\":4},\"b\":1}");
    assertThat(c.jsonConcat("[1, 2]", "[3]", "[[4]]")).isEqualTo("[1,2,3,[4]]");
    assertThat(c.jsonConcat("[1, 2]", "{\"a\": 1}")).isEqualTo("[1,2,{\"a\":1}]");
    assertThat(c.jsonConcat("null", "null")).isEqualTo("[null,null]");
    assertThat(c.jsonConcat("1", "")).isNull();
    assertThat(c.jsonConcat("1", null)).isNull();
  }
}
