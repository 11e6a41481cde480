package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The per-format serde factory: a format name resolves to its implementation. */
public final class Formats {
  private static final Map<String, Format> FORMATS = Map.of(
      "JSON", new JsonFormat(),
      "DELIMITED", new DelimitedFormat(),
      "KAFKA", new KafkaFormat(),
      "NONE", new NoneFormat(),
      "AVRO", new AvroFormat(),
      "JSON_SR", new JsonSrFormat());
  private static final Set<String> PLANNED = Set.of("PROTOBUF", "PROTOBUF_NOSR");

  private Formats() {}

  public static Format of(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    Format f = FORMATS.get(upper);
    if (f != null) {
      return f;
    }
    if (PLANNED.contains(upper)) {
      throw new UnsupportedFeatureException("The " + upper + " format is not supported yet");
    }
    throw new KsqlException("Unknown format: " + upper);
  }
}
