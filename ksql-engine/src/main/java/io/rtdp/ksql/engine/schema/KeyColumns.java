package io.rtdp.ksql.engine.schema;

import io.rtdp.ksql.engine.KsqlException;
import java.util.List;

/** Rules every key column obeys, whatever its format. */
public final class KeyColumns {
  private KeyColumns() {}

  /** Maps serialize with no fixed entry order, so equal keys could differ in bytes: ksqlDB rejects them. */
  public static void check(List<Column> key) {
    for (Column c : key) {
      if (containsMap(c.type())) {
        throw new KsqlException("Map keys, including types that contain maps, are not supported as they may lead to "
            + "unexpected behavior due to inconsistent serialization. Key column name: `" + c.name()
            + "`. Column type: " + c.type() + ". See https://github.com/confluentinc/ksql/issues/6621 for more.");
      }
    }
  }

  private static boolean containsMap(SqlType t) {
    if (t instanceof SqlType.MapType) {
      return true;
    }
    if (t instanceof SqlType.Array a) {
      return containsMap(a.element());
    }
    return t instanceof SqlType.Struct s && s.fields().stream().anyMatch(f -> containsMap(f.type()));
  }
}
