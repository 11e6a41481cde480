package io.rtdp.ksql.udf;

/** Input of a UDAF over two columns: {@code Udaf<Pair<A, B>, ...>} is called as {@code F(a, b)}. */
public record Pair<A, B>(A first, B second) {}
