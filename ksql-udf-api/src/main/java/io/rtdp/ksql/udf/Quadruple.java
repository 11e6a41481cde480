package io.rtdp.ksql.udf;

/** Input of a UDAF over four columns, called as {@code F(a, b, c, d)}. */
public record Quadruple<A, B, C, D>(A first, B second, C third, D fourth) {}
