package io.rtdp.ksql.engine.schema;

import java.util.Arrays;
import java.util.Objects;

/** A STRUCT value: field values in the order of its {@link SqlType.Struct} schema. */
public final class KsqlStruct {
  private final SqlType.Struct schema;
  private final Object[] values;

  public KsqlStruct(SqlType.Struct schema, Object[] values) {
    if (values.length != schema.fields().size()) {
      throw new IllegalArgumentException("struct " + schema + " needs " + schema.fields().size() + " values");
    }
    this.schema = schema;
    this.values = values;
  }

  public SqlType.Struct schema() {
    return schema;
  }

  public Object get(int index) {
    return values[index];
  }

  /** The field's value, or null when the struct has no such field. */
  public Object get(String field) {
    int i = schema.indexOf(field);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KsqlStruct s && s.schema.equals(schema) && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Struct{");
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        if (b.length() > 7) {
          b.append(',');
        }
        b.append(schema.fields().get(i).name()).append('=').append(values[i]);
      }
    }
    return b.append('}').toString();
  }
}
