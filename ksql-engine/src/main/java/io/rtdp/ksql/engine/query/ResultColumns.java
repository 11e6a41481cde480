package io.rtdp.ksql.engine.query;

import java.util.List;
import java.util.stream.Collectors;

/** Renderings of a result's columns for REST responses. */
public final class ResultColumns {
  private ResultColumns() {}

  /** The {@code /query} header schema: {@code `ID` STRING KEY, `COUNT` BIGINT}. */
  public static String schema(List<ResultColumn> columns) {
    return columns.stream().map(c -> "`" + c.name() + "` " + c.type() + (c.key() ? " KEY" : ""))
        .collect(Collectors.joining(", "));
  }
}
