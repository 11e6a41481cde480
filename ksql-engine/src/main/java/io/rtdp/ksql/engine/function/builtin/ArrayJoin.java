package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Casts;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;
import java.util.StringJoiner;

@UdfDescription(name = "ARRAY_JOIN", category = "ARRAY", description = "Joins the elements as text with a delimiter (default ',').")
public class ArrayJoin {
  @Udf
  public <T> String arrayJoin(@UdfParameter("array") List<T> array) {
    return arrayJoin(array, ",");
  }

  @Udf
  public <T> String arrayJoin(@UdfParameter("array") List<T> array, @UdfParameter("delimiter") String delimiter) {
    if (array == null) {
      return null;
    }
    StringJoiner j = new StringJoiner(delimiter == null ? "" : delimiter);
    for (T t : array) {
      j.add(t == null ? "null" : Casts.text(t));
    }
    return j.toString();
  }
}
