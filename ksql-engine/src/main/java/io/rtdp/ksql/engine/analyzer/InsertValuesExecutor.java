package io.rtdp.ksql.engine.analyzer;

import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Casts;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.expression.UnknownColumnException;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.topology.SourceSerdes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** INSERT INTO … VALUES (SPEC §1.5): evaluates the values and produces one record synchronously. */
public final class InsertValuesExecutor {
  private final MetaStore metaStore;
  private final FunctionRegistry functions;
  private final KafkaTopics topics;

  public InsertValuesExecutor(MetaStore metaStore, FunctionRegistry functions, KafkaTopics topics) {
    this.metaStore = metaStore;
    this.functions = functions;
    this.topics = topics;
  }

  public void execute(Statement.InsertValues s) {
    DataSource target = metaStore.source(s.target()).orElseThrow(() -> new KsqlException(
        "Cannot insert values into an unknown stream/table: `" + s.target() + "`" + metaStore.caseHint(s.target())));
    if (target.readOnly()) {
      throw new KsqlException("Cannot insert values into read-only " + target.kind().lower() + ": " + target.name());
    }
    List<String> columns = new ArrayList<>(s.columns());
    if (columns.isEmpty()) {
      target.schema().columns().forEach(c -> columns.add(c.name()));
    }
    if (columns.size() != s.values().size()) {
      // ksqlDB checks these while preparing the statement, whose errors carry this prefix.
      throw new KsqlException("Failed to prepare statement: Expected number columns and values to match: " + columns.size() + ", "
          + s.values().size());
    }
    List<Column> key = target.schema().key();
    List<Column> value = target.schema().value();
    Object[] keyValues = new Object[key.size()];
    Object[] valueValues = new Object[value.size()];
    Long timestamp = null;
    ExpressionCompiler compiler = new ExpressionCompiler(functions, new RowLayout(), "VALUES");
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      Compiled compiled;
      try {
        compiled = compiler.compile(s.values().get(i));
      } catch (UnknownColumnException e) {
        throw new KsqlException("Failed to prepare statement: '" + e.column().name()
            + "' is not a valid stream/table name or alias.");
      }
      Object v = compiled.eval(new Object[0]);
      if (name.equals(SystemColumns.ROWTIME)) {
        timestamp = v == null ? null : (Long) Casts.converter(compiled.type(), io.rtdp.ksql.engine.schema.SqlType.BIGINT)
            .apply(v);
        continue;
      }
      if (SystemColumns.isReserved(name)) {
        throw new KsqlException("Inserting into column `" + name + "` is not allowed.");
      }
      int k = indexOf(key, name);
      int x = indexOf(value, name);
      if (k < 0 && x < 0) {
        throw new KsqlException("Column name `" + name + "` does not exist.");
      }
      Column column = k >= 0 ? key.get(k) : value.get(x);
      Object coerced = Casts.converter(compiled.type(), column.type()).apply(v);
      if (k >= 0) {
        keyValues[k] = coerced;
      } else {
        valueValues[x] = coerced;
      }
    }
    byte[] keyBytes = SourceSerdes.key(target).serializer().serialize(target.topic(), Arrays.asList(keyValues));
    byte[] valueBytes = SourceSerdes.value(target).serializer().serialize(target.topic(), Arrays.asList(valueValues));
    topics.produce(target.topic(), keyBytes, valueBytes, timestamp == null ? System.currentTimeMillis() : timestamp,
        new RecordHeaders());
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
