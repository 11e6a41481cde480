package io.rtdp.ksql.server.query;

import java.util.HashMap;
import java.util.Map;

/**
 * A request's {@code streamsProperties} as Kafka Streams settings: {@code ksql.streams.x} and a
 * bare {@code x} both set {@code x}; other {@code ksql.*} keys are engine settings, not Streams'.
 */
public final class StreamsOverrides {
  private StreamsOverrides() {
  }

  public static Map<String, Object> of(Map<String, Object> requestProperties) {
    Map<String, Object> out = new HashMap<>();
    requestProperties.forEach((k, v) -> {
      if (k.startsWith("ksql.streams.")) {
        out.put(k.substring("ksql.streams.".length()), String.valueOf(v));
      } else if (!k.startsWith("ksql.")) {
        out.put(k, String.valueOf(v));
      }
    });
    return out;
  }
}
