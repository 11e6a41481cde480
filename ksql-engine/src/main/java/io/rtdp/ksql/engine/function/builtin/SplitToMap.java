package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.LinkedHashMap;
import java.util.Map;

@UdfDescription(name = "SPLIT_TO_MAP", category = "STRING", description = "Parses 'k=v' entries into a map.")
public class SplitToMap {
  @Udf
  public Map<String, String> splitToMap(@UdfParameter("input") String input,
      @UdfParameter("entryDelimiter") String entryDelimiter, @UdfParameter("kvDelimiter") String kvDelimiter) {
    if (input == null || entryDelimiter == null || kvDelimiter == null || entryDelimiter.isEmpty()
        || kvDelimiter.isEmpty() || entryDelimiter.equals(kvDelimiter)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : new Split().split(input, entryDelimiter)) {
      int at = entry.indexOf(kvDelimiter);
      if (!entry.isEmpty() && at >= 0) {
        out.put(entry.substring(0, at), entry.substring(at + kvDelimiter.length()));
      }
    }
    return out;
  }
}
