package io.rtdp.ksql.udf;

/** Input of a UDAF over five columns, called as {@code F(a, b, c, d, e)}. */
public record Quintuple<A, B, C, D, E>(A first, B second, C third, D fourth, E fifth) {}
