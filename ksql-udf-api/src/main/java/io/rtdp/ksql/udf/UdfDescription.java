package io.rtdp.ksql.udf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class whose {@link Udf} methods are the overloads of one scalar function. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdfDescription {
  /** Function name as called from SQL; case-insensitive. */
  String name();

  String description();

  String category() default "OTHER";

  String author() default "";

  String version() default "";
}
