package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import io.rtdp.ksql.udf.TriFunction;

/** Maps Java parameter/return types of function classes onto {@link ParamType}s. */
final class JavaTypes {
  private JavaTypes() {}

  static ParamType of(Type type) {
    if (type instanceof TypeVariable<?> v) {
      return new ParamType.Generic(v.getName());
    }
    if (type instanceof GenericArrayType g) {
      return of(g.getGenericComponentType());
    }
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class) {
        return new ParamType.Concrete(SqlBaseType.ARRAY, List.of(of(args[0])));
      }
      if (raw == Map.class) {
        return new ParamType.Concrete(SqlBaseType.MAP, List.of(of(args[0]), of(args[1])));
      }
      if (raw == Function.class) {
        return new ParamType.Lambda(List.of(of(args[0])), of(args[1]));
      }
      if (raw == BiFunction.class) {
        return new ParamType.Lambda(List.of(of(args[0]), of(args[1])), of(args[2]));
      }
      if (raw == TriFunction.class) {
        return new ParamType.Lambda(List.of(of(args[0]), of(args[1]), of(args[2])), of(args[3]));
      }
      throw new KsqlException("Unsupported Java type in function signature: " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c.isArray()) {
      return of(c.getComponentType());
    }
    if (c == int.class || c == Integer.class) {
      return concrete(SqlBaseType.INTEGER);
    }
    if (c == long.class || c == Long.class) {
      return concrete(SqlBaseType.BIGINT);
    }
    if (c == double.class || c == Double.class) {
      return concrete(SqlBaseType.DOUBLE);
    }
    if (c == boolean.class || c == Boolean.class) {
      return concrete(SqlBaseType.BOOLEAN);
    }
    if (c == String.class) {
      return concrete(SqlBaseType.STRING);
    }
    if (c == BigDecimal.class) {
      return concrete(SqlBaseType.DECIMAL);
    }
    if (c == ByteBuffer.class) {
      return concrete(SqlBaseType.BYTES);
    }
    if (c == java.sql.Date.class) {
      return concrete(SqlBaseType.DATE);
    }
    if (c == java.sql.Time.class) {
      return concrete(SqlBaseType.TIME);
    }
    if (c == java.sql.Timestamp.class) {
      return concrete(SqlBaseType.TIMESTAMP);
    }
    if (c == KsqlStruct.class) {
      return concrete(SqlBaseType.STRUCT);
    }
    if (c == TimeUnit.class) {
      return new ParamType.TimeUnitParam();
    }
    if (c == Object.class) {
      return new ParamType.Any();
    }
    throw new KsqlException("Unsupported Java type in function signature: " + c.getName());
  }

  private static ParamType concrete(SqlBaseType base) {
    return new ParamType.Concrete(base, List.of());
  }
}
