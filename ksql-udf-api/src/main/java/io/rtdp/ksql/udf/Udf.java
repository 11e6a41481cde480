package io.rtdp.ksql.udf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One overload of a scalar function; the method must be public. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udf {
  String description() default "";

  /** SQL type of the result when Java cannot express it (DECIMAL precision, STRUCT fields). */
  String schema() default "";
}
