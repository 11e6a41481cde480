package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.parser.Expression;

/** One output column of a projection: its final name and the expression computing it. */
public record SelectColumn(String name, Expression expression) {}
