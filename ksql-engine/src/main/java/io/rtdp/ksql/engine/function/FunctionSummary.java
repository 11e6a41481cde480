package io.rtdp.ksql.engine.function;

/** One line of SHOW FUNCTIONS (the {@code function_names} entity, SPEC §4.6). */
public record FunctionSummary(String name, String type, String category) {}
