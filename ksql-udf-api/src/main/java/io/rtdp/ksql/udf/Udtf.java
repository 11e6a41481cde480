package io.rtdp.ksql.udf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One overload of a table function: a public method returning {@code List<T>}, one row each. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udtf {
  String description() default "";

  /** SQL type of the element type {@code T} when Java cannot express it. */
  String schema() default "";
}
