package io.rtdp.ksql.udf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public static method returning a {@link Udaf}. Its parameters are the non-column arguments of
 * the aggregate (literals in SQL, e.g. TOPK's k); the column argument type is the Udaf's input.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UdafFactory {
  String description();

  /** SQL types of the column arguments when Java generics cannot express them. */
  String[] paramSchema() default {};

  /** SQL type of the accumulator when Java generics cannot express it. */
  String aggregateSchema() default "";

  /** SQL type of the result when Java generics cannot express it. */
  String returnSchema() default "";
}
