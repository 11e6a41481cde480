package io.rtdp.ksql.udf;

/** Input of a UDAF over three columns: {@code Udaf<Triple<A, B, C>, ...>} is called as {@code F(a, b, c)}. */
public record Triple<A, B, C>(A first, B second, C third) {}
