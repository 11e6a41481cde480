package io.rtdp.ksql.cli.input;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Completes KSQL keywords, the CLI's own commands and the names of the server's streams and tables. */
public final class KsqlCompleter implements Completer {
  private static final List<String> KEYWORDS = List.of(
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "PARTITION", "EMIT", "CHANGES", "FINAL", "LIMIT",
      "WINDOW", "TUMBLING", "HOPPING", "SESSION", "SIZE", "ADVANCE", "GRACE", "PERIOD", "RETENTION",
      "JOIN", "LEFT", "RIGHT", "FULL", "OUTER", "INNER", "ON", "WITHIN", "AS", "AND", "OR", "NOT", "NULL", "IS",
      "IN", "LIKE", "BETWEEN", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "TRUE", "FALSE",
      "CREATE", "REPLACE", "STREAM", "TABLE", "SOURCE", "TYPE", "WITH", "KEY", "PRIMARY", "HEADER", "HEADERS",
      "INSERT", "INTO", "VALUES", "DROP", "IF", "EXISTS", "DELETE", "TOPIC", "TERMINATE", "ALL",
      "SHOW", "LIST", "STREAMS", "TABLES", "TOPICS", "QUERIES", "FUNCTIONS", "PROPERTIES", "TYPES", "VARIABLES",
      "DESCRIBE", "EXTENDED", "FUNCTION", "EXPLAIN", "PRINT", "BEGINNING", "INTERVAL", "SAMPLE",
      "SET", "UNSET", "DEFINE", "UNDEFINE", "RUN", "SCRIPT", "ALTER", "ADD", "COLUMN",
      "BOOLEAN", "INT", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL", "VARCHAR", "STRING", "BYTES", "DATE", "TIME",
      "TIMESTAMP", "ARRAY", "MAP", "STRUCT",
      "KAFKA_TOPIC", "VALUE_FORMAT", "KEY_FORMAT", "FORMAT", "PARTITIONS", "REPLICAS", "TIMESTAMP_FORMAT",
      "WRAP_SINGLE_VALUE", "ROWTIME", "ROWPARTITION", "ROWOFFSET", "WINDOWSTART", "WINDOWEND",
      "HELP", "EXIT", "QUIT", "CLEAR", "HISTORY", "VERSION", "SERVER", "OUTPUT", "CLI");

  private final Supplier<Collection<String>> sourceNames;

  /** {@code sourceNames} is asked at each completion; it should answer from a cache. */
  public KsqlCompleter(Supplier<Collection<String>> sourceNames) {
    this.sourceNames = sourceNames;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String keyword : KEYWORDS) {
      candidates.add(new Candidate(keyword, keyword, "keyword", null, null, null, true));
    }
    for (String name : sourceNames.get()) {
      candidates.add(new Candidate(name, name, "source", null, null, null, true));
    }
  }
}
