package io.rtdp.ksql.engine.query;

import java.util.List;

/**
 * A row of a transient query's result: values in the order of the query's columns, as the engine
 * holds them (render them for REST with the engine's value rendering). A tombstone is a deleted
 * table row: key columns set, the others null.
 */
public record ResultRow(List<Object> columns, boolean tombstone) {}
