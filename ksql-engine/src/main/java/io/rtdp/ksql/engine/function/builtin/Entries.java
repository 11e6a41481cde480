package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@UdfDescription(name = "ENTRIES", category = "MAP",
    description = "The entries of a map as an array of STRUCT<K, V>, in key order if sorted.")
public class Entries {
  @Udf(schema = "ARRAY<STRUCT<K STRING, V INT>>")
  public List<KsqlStruct> entriesInt(@UdfParameter("map") Map<String, Integer> map,
      @UdfParameter("sorted") Boolean sorted) {
    return entries(map, sorted, SqlType.INTEGER);
  }

  @Udf(schema = "ARRAY<STRUCT<K STRING, V BIGINT>>")
  public List<KsqlStruct> entriesBigInt(@UdfParameter("map") Map<String, Long> map,
      @UdfParameter("sorted") Boolean sorted) {
    return entries(map, sorted, SqlType.BIGINT);
  }

  @Udf(schema = "ARRAY<STRUCT<K STRING, V DOUBLE>>")
  public List<KsqlStruct> entriesDouble(@UdfParameter("map") Map<String, Double> map,
      @UdfParameter("sorted") Boolean sorted) {
    return entries(map, sorted, SqlType.DOUBLE);
  }

  @Udf(schema = "ARRAY<STRUCT<K STRING, V BOOLEAN>>")
  public List<KsqlStruct> entriesBoolean(@UdfParameter("map") Map<String, Boolean> map,
      @UdfParameter("sorted") Boolean sorted) {
    return entries(map, sorted, SqlType.BOOLEAN);
  }

  @Udf(schema = "ARRAY<STRUCT<K STRING, V STRING>>")
  public List<KsqlStruct> entriesString(@UdfParameter("map") Map<String, String> map,
      @UdfParameter("sorted") Boolean sorted) {
    return entries(map, sorted, SqlType.STRING);
  }

  private static List<KsqlStruct> entries(Map<String, ?> map, Boolean sorted, SqlType valueType) {
    if (map == null || sorted == null) {
      return null;
    }
    SqlType.Struct schema = new SqlType.Struct(
        List.of(new SqlType.Field("K", SqlType.STRING), new SqlType.Field("V", valueType)));
    List<String> keys = new ArrayList<>(map.keySet());
    if (sorted) {
      keys.sort(null);
    }
    List<KsqlStruct> out = new ArrayList<>();
    for (String key : keys) {
      out.add(new KsqlStruct(schema, new Object[] {key, map.get(key)}));
    }
    return out;
  }
}
