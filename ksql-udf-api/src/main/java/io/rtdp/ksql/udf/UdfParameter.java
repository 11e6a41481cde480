package io.rtdp.ksql.udf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names and documents a parameter of a {@link Udf}, {@link Udtf} or {@link UdafFactory}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface UdfParameter {
  /** Parameter name; needed when the class was compiled without {@code -parameters}. */
  String value() default "";

  String description() default "";

  /** SQL type of the parameter when Java cannot express it (DECIMAL, STRUCT). */
  String schema() default "";
}
