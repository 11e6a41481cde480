package io.rtdp.ksql.udf;

/** Three-argument lambda, used by REDUCE over maps. */
@FunctionalInterface
public interface TriFunction<A, B, C, R> {
  R apply(A a, B b, C c);
}
