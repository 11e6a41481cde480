package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.LinkedHashMap;
import java.util.Map;

@UdfDescription(name = "MAP_UNION", category = "MAP",
    description = "The entries of both maps, the second winning on equal keys; a NULL map counts as empty unless both are.")
public class MapUnion {
  @Udf
  public <T> Map<String, T> mapUnion(@UdfParameter("map1") Map<String, T> map1,
      @UdfParameter("map2") Map<String, T> map2) {
    if (map1 == null && map2 == null) {
      return null;
    }
    Map<String, T> out = new LinkedHashMap<>();
    if (map1 != null) {
      out.putAll(map1);
    }
    if (map2 != null) {
      out.putAll(map2);
    }
    return out;
  }
}
