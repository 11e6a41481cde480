package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** CAST conversions of SPEC §1.6 and the implicit coercions built on them. */
public final class Casts {
  private Casts() {}

  /** The converter for CAST(from AS to); throws if the cast is not allowed. */
  public static UnaryOperator<Object> converter(SqlType from, SqlType to) {
    if (from == null || from.equals(to)) {
      return to instanceof SqlType.Decimal d ? v -> v == null ? null : decimal(v, d) : UnaryOperator.identity();
    }
    SqlBaseType f = from.base();
    switch (to.base()) {
      case STRING:
        if (f == SqlBaseType.BYTES) {
          break;
        }
        return v -> v == null ? null : text(v);
      case BOOLEAN:
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : ((String) v).trim().equalsIgnoreCase("true");
        }
        break;
      case INTEGER:
        if (f.isNumber()) {
          return v -> v == null ? null : ((Number) v).intValue();
        }
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : parse("INTEGER", v, s -> Integer.parseInt(s));
        }
        break;
      case BIGINT:
        if (f.isNumber()) {
          return v -> v == null ? null : ((Number) v).longValue();
        }
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : parse("BIGINT", v, s -> Long.parseLong(s));
        }
        break;
      case DOUBLE:
        if (f.isNumber()) {
          return v -> v == null ? null : ((Number) v).doubleValue();
        }
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : parse("DOUBLE", v, s -> Double.parseDouble(s));
        }
        break;
      case DECIMAL:
        SqlType.Decimal d = (SqlType.Decimal) to;
        if (f.isNumber() || f == SqlBaseType.STRING) {
          return v -> v == null ? null : decimal(v, d);
        }
        break;
      case TIMESTAMP:
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : Temporals.parseTimestamp((String) v);
        }
        if (f == SqlBaseType.DATE) {
          return v -> v == null ? null : new Timestamp(((Date) v).getTime());
        }
        break;
      case DATE:
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : Temporals.parseDate((String) v);
        }
        if (f == SqlBaseType.TIMESTAMP) {
          return v -> v == null ? null : Temporals.date(Math.floorDiv(((Timestamp) v).getTime(), 86_400_000L));
        }
        break;
      case TIME:
        if (f == SqlBaseType.STRING) {
          return v -> v == null ? null : Temporals.parseTime((String) v);
        }
        if (f == SqlBaseType.TIMESTAMP) {
          return v -> v == null ? null : new Time(Math.floorMod(((Timestamp) v).getTime(), 86_400_000L));
        }
        break;
      case ARRAY:
        if (from instanceof SqlType.Array a) {
          UnaryOperator<Object> el = converter(a.element(), ((SqlType.Array) to).element());
          return v -> {
            if (v == null) {
              return null;
            }
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
              out.add(el.apply(o));
            }
            return out;
          };
        }
        break;
      case MAP:
        if (from instanceof SqlType.MapType m) {
          SqlType.MapType tm = (SqlType.MapType) to;
          UnaryOperator<Object> kc = converter(m.key(), tm.key());
          UnaryOperator<Object> vc = converter(m.value(), tm.value());
          return v -> {
            if (v == null) {
              return null;
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> out.put(kc.apply(k), vc.apply(x)));
            return out;
          };
        }
        break;
      case STRUCT:
        if (from instanceof SqlType.Struct s) {
          return structConverter(s, (SqlType.Struct) to);
        }
        break;
      default:
        break;
    }
    throw new KsqlException("Cast of " + from + " to " + to + " is not supported");
  }

  private static UnaryOperator<Object> structConverter(SqlType.Struct from, SqlType.Struct to) {
    int n = to.fields().size();
    int[] source = new int[n];
    List<UnaryOperator<Object>> convs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SqlType.Field target = to.fields().get(i);
      source[i] = from.indexOf(target.name());
      convs.add(source[i] < 0 ? UnaryOperator.identity()
          : converter(from.fields().get(source[i]).type(), target.type()));
    }
    return v -> {
      if (v == null) {
        return null;
      }
      KsqlStruct in = (KsqlStruct) v;
      Object[] out = new Object[n];
      for (int i = 0; i < n; i++) {
        out[i] = source[i] < 0 ? null : convs.get(i).apply(in.get(source[i]));
      }
      return new KsqlStruct(to, out);
    };
  }

  private interface Parser {
    Object parse(String s);
  }

  private static Object parse(String type, Object v, Parser p) {
    String s = ((String) v).trim();
    try {
      return p.parse(s);
    } catch (NumberFormatException e) {
      throw new KsqlException("invalid input syntax for type " + type + ": \"" + v + "\"");
    }
  }

  /** Rounds half-up to the target scale; a value needing more digits than the precision fails. */
  public static BigDecimal decimal(Object v, SqlType.Decimal type) {
    BigDecimal d;
    if (v instanceof BigDecimal b) {
      d = b;
    } else if (v instanceof Double x) {
      d = BigDecimal.valueOf(x);
    } else if (v instanceof Number n) {
      d = BigDecimal.valueOf(n.longValue());
    } else {
      try {
        d = new BigDecimal(((String) v).trim());
      } catch (NumberFormatException e) {
        throw new KsqlException("invalid input syntax for type DECIMAL: \"" + v + "\"");
      }
    }
    BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() > type.precision() && scaled.compareTo(BigDecimal.ZERO) != 0) {
      throw new KsqlException("Numeric field overflow: A field with precision " + type.precision()
          + " and scale " + type.scale() + " must round to an absolute value less than 10^"
          + (type.precision() - type.scale()) + ". Got " + d.toPlainString());
    }
    return scaled;
  }

  /** The text form CAST(x AS STRING) produces. */
  public static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Timestamp t) {
      return Temporals.format(t);
    }
    if (v instanceof Date d) {
      return Temporals.format(d);
    }
    if (v instanceof Time t) {
      return Temporals.format(t);
    }
    if (v instanceof ByteBuffer b) {
      return java.util.Base64.getEncoder().encodeToString(bytes(b));
    }
    return String.valueOf(v);
  }

  public static byte[] bytes(ByteBuffer b) {
    ByteBuffer dup = b.duplicate();
    dup.rewind();
    byte[] out = new byte[dup.remaining()];
    dup.get(out);
    return out;
  }
}
