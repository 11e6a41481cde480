package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@UdfDescription(name = "AS_MAP", category = "MAP", description = "A map from the keys of one array to the values at the same positions of another.")
public class AsMap {
  @Udf
  public <T> Map<String, T> asMap(@UdfParameter("keys") List<String> keys, @UdfParameter("values") List<T> values) {
    if (keys == null || values == null) {
      return null;
    }
    Map<String, T> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      out.put(keys.get(i), i < values.size() ? values.get(i) : null);
    }
    return out;
  }
}
