package io.rtdp.ksql.engine.analyzer;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.Expression;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The WITH clause of CREATE/CSAS/CTAS/INSERT, with names checked against SPEC §1.3. */
public final class WithProperties {
  private static final Set<String> KNOWN = Set.of("KAFKA_TOPIC", "KEY_FORMAT", "VALUE_FORMAT", "FORMAT",
      "PARTITIONS", "REPLICAS", "RETENTION_MS", "CLEANUP_POLICY", "TIMESTAMP", "TIMESTAMP_FORMAT",
      "WRAP_SINGLE_VALUE", "VALUE_DELIMITER", "KEY_DELIMITER", "VALUE_AVRO_SCHEMA_FULL_NAME",
      "VALUE_SCHEMA_FULL_NAME", "KEY_SCHEMA_FULL_NAME", "KEY_SCHEMA_ID", "VALUE_SCHEMA_ID",
      "KEY_PROTOBUF_NULLABLE_REPRESENTATION", "VALUE_PROTOBUF_NULLABLE_REPRESENTATION", "WINDOW_TYPE",
      "WINDOW_SIZE", "SOURCE_CONNECTOR", "SOURCED_BY_CONNECTOR", "QUERY_ID");

  private final Map<String, Expression> values;

  public WithProperties(Map<String, Expression> values) {
    for (String name : values.keySet()) {
      if (!KNOWN.contains(name)) {
        throw new KsqlException("Invalid config variable(s) in the WITH clause: " + name);
      }
    }
    for (String specific : new String[] {"KEY_FORMAT", "VALUE_FORMAT"}) {
      if (values.containsKey("FORMAT") && values.containsKey(specific)) {
        throw new KsqlException("Cannot supply both '" + specific + "' and 'FORMAT' properties, as 'FORMAT' sets both "
            + "key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.");
      }
    }
    this.values = values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String string(String name) {
    Expression e = values.get(name);
    if (e == null) {
      return null;
    }
    if (e instanceof Expression.StringLiteral s) {
      return s.value();
    }
    return e.toString();
  }

  public Integer integer(String name) {
    Expression e = values.get(name);
    if (e == null) {
      return null;
    }
    if (e instanceof Expression.IntegerLiteral i) {
      return i.value();
    }
    try {
      return Integer.parseInt(string(name).trim());
    } catch (NumberFormatException ex) {
      throw new KsqlException("Invalid value for " + name + ": " + e + " is not an integer");
    }
  }

  public Boolean bool(String name) {
    Expression e = values.get(name);
    if (e == null) {
      return null;
    }
    if (e instanceof Expression.BooleanLiteral b) {
      return b.value();
    }
    String s = string(name).trim().toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new KsqlException("Property " + name + " must be a boolean: " + e);
    }
    return Boolean.parseBoolean(s);
  }

  public String keyFormat() {
    String f = has("FORMAT") ? string("FORMAT") : string("KEY_FORMAT");
    return f == null ? null : f.toUpperCase(Locale.ROOT);
  }

  public String valueFormat() {
    String f = has("FORMAT") ? string("FORMAT") : string("VALUE_FORMAT");
    return f == null ? null : f.toUpperCase(Locale.ROOT);
  }

  /** KEY_DELIMITER and VALUE_DELIMITER apply to the DELIMITED format only; others reject them, as ksqlDB does. */
  public void checkDelimiters(String keyFormat, String valueFormat) {
    if (has("KEY_DELIMITER") && !keyFormat.equals("DELIMITED")) {
      throw new KsqlException(keyFormat + " does not support the following configs: [delimiter]");
    }
    if (has("VALUE_DELIMITER") && !valueFormat.equals("DELIMITED")) {
      throw new KsqlException(valueFormat + " does not support the following configs: [delimiter]");
    }
  }

  /** A single-character delimiter, or the words SPACE / TAB. */
  public char delimiter(String name) {
    String d = string(name);
    if (d == null) {
      return ',';
    }
    // A space or tab typed as such is as invisible as an empty value, so it is refused the same way.
    if (d.trim().isEmpty()) {
      throw new KsqlException("Failed to prepare statement: Configuration " + name + " is invalid: Delimiter cannot "
          + "be empty, if you meant to have a tab or space for delimiter, please use the special values 'TAB' or "
          + "'SPACE'\nExample valid value: ';'");
    }
    if (d.equalsIgnoreCase("TAB")) {
      return '\t';
    }
    if (d.equalsIgnoreCase("SPACE")) {
      return ' ';
    }
    if (d.length() != 1) {
      throw new KsqlException("Failed to prepare statement: Configuration " + name + " is invalid: Invalid delimiter "
          + "value: '" + d + "'. Delimiter must be a single character or TAB,SPACE\nExample valid value: ';'");
    }
    return d.charAt(0);
  }
}
