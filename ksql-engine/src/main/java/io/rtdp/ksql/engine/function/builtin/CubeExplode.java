package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udtf;
import io.rtdp.ksql.udf.UdtfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdtfDescription(name = "CUBE_EXPLODE", description = "Every combination of the elements with NULLs substituted (cube grouping sets).")
public class CubeExplode {
  @Udtf
  public <T> List<List<T>> cube(@UdfParameter("input") List<T> input) {
    if (input == null) {
      return List.of();
    }
    List<List<T>> out = new ArrayList<>();
    int n = input.size();
    // Bit i set means element i is replaced by NULL; duplicates arise when an element is already NULL.
    for (int mask = 0; mask < (1 << n); mask++) {
      List<T> combination = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        combination.add((mask & (1 << i)) != 0 ? null : input.get(i));
      }
      if (!out.contains(combination)) {
        out.add(combination);
      }
    }
    return out;
  }
}
