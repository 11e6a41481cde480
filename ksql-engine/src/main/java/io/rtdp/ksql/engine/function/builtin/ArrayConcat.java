package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "ARRAY_CONCAT", category = "ARRAY", description = "The elements of the first array followed by those of the second.")
public class ArrayConcat {
  @Udf
  public <T> List<T> arrayConcat(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    List<T> out = new ArrayList<>(left);
    out.addAll(right);
    return out;
  }
}
