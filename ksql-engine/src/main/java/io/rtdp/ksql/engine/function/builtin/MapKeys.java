package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@UdfDescription(name = "MAP_KEYS", category = "MAP", description = "The keys of a map.")
public class MapKeys {
  @Udf
  public <T> List<String> mapKeys(@UdfParameter("input") Map<String, T> map) {
    return map == null ? null : new ArrayList<>(map.keySet());
  }
}
