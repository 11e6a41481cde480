package io.rtdp.ksql.engine.query;

import io.rtdp.ksql.engine.schema.SqlType;

/** A column of a transient query's result, in projection order; {@code key} marks key columns. */
public record ResultColumn(String name, SqlType type, boolean key) {}
