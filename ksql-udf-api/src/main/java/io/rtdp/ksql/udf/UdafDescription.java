package io.rtdp.ksql.udf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class whose static {@link UdafFactory} methods are the overloads of one aggregate. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdafDescription {
  String name();

  String description();

  String category() default "AGGREGATE";

  String author() default "";

  String version() default "";
}
