package io.rtdp.ksql.engine.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInOverloadsTest {
  /** A bad overload is skipped with only a warning, so every overload of these built-ins is counted. */
  private static final Map<String, Integer> OVERLOADS = Map.ofEntries(
      Map.entry("ARRAY_CONCAT", 1), Map.entry("ARRAY_DISTINCT", 1), Map.entry("ARRAY_EXCEPT", 1),
      Map.entry("ARRAY_INTERSECT", 1), Map.entry("ARRAY_UNION", 1), Map.entry("AS_MAP", 1), Map.entry("ATAN2", 1),
      Map.entry("ENTRIES", 5), Map.entry("JSON_ARRAY_CONTAINS", 1), Map.entry("JSON_CONCAT", 1),
      Map.entry("JSON_ITEMS", 1), Map.entry("JSON_RECORDS", 1), Map.entry("MAP_UNION", 1), Map.entry("MASK", 2),
      Map.entry("MASK_KEEP_LEFT", 2), Map.entry("MASK_KEEP_RIGHT", 2), Map.entry("MASK_LEFT", 2),
      Map.entry("MASK_RIGHT", 2), Map.entry("SLICE", 1), Map.entry("URL_DECODE_PARAM", 1),
      Map.entry("URL_ENCODE_PARAM", 1), Map.entry("URL_EXTRACT_FRAGMENT", 1), Map.entry("URL_EXTRACT_HOST", 1),
      Map.entry("URL_EXTRACT_PARAMETER", 1), Map.entry("URL_EXTRACT_PATH", 1), Map.entry("URL_EXTRACT_PORT", 1),
      Map.entry("URL_EXTRACT_PROTOCOL", 1), Map.entry("URL_EXTRACT_QUERY", 1), Map.entry("UUID", 2),
      Map.entry("STDDEV_SAMP", 3), Map.entry("STDDEV_SAMPLE", 3), Map.entry("SUM_LIST", 3));

  @Test
  void everyOverloadOfTheAddedBuiltInsIsRegistered() {
    FunctionRegistry registry = FunctionRegistry.withBuiltIns();
    OVERLOADS.forEach((name, count) ->
        assertThat(registry.describe(name).functions()).as(name).hasSize(count));
  }

  @Test
  void entriesDeclaresItsStructResult() {
    assertThat(FunctionRegistry.withBuiltIns().describe("ENTRIES").functions())
        .extracting(FunctionDescription.Overload::returnType)
        .allSatisfy(t -> assertThat(t).startsWith("ARRAY<STRUCT<").contains("`K` STRING", "`V` "));
  }
}
