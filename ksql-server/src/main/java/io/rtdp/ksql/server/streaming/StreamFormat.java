package io.rtdp.ksql.server.streaming;

import java.util.Locale;

/**
 * The three ways a query's result travels (SPEC §4.4, §4.5): ksqlDB's StreamedRow array, the plain
 * JSON array of the new API, and its newline-delimited form.
 */
public enum StreamFormat {
  /** {@code [{"header":…},\n{"row":…},\n{"finalMessage":…}]}: /query, and /query-stream for vnd.ksql.v1+json. */
  STREAMED_ROWS("application/vnd.ksql.v1+json"),
  /** {@code [{metadata},[row],[row]]}. */
  JSON_ARRAY("application/json"),
  /** One JSON document per line: the metadata, then one array per row. */
  DELIMITED("application/vnd.ksqlapi.delimited.v1"),
  /** PRINT's lines of text, on either endpoint. */
  TEXT("text/plain");

  private final String mediaType;

  StreamFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * /query-stream's choice from the Accept header: the highest-weighted media type it serves,
   * delimited when none is named (absent, {@code *}{@code /*}); null when only others are accepted.
   */
  public static StreamFormat forQueryStream(String accept) {
    if (accept == null || accept.isBlank()) {
      return DELIMITED;
    }
    StreamFormat best = null;
    double bestWeight = -1;
    for (String part : accept.split(",")) {
      String[] params = part.trim().split(";");
      String type = params[0].trim().toLowerCase(Locale.ROOT);
      double weight = 1;
      for (int i = 1; i < params.length; i++) {
        String p = params[i].trim();
        if (p.startsWith("q=")) {
          try {
            weight = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            weight = 0;
          }
        }
      }
      StreamFormat f = switch (type) {
        case "application/vnd.ksqlapi.delimited.v1", "*/*", "application/*" -> DELIMITED;
        case "application/json" -> JSON_ARRAY;
        case "application/vnd.ksql.v1+json" -> STREAMED_ROWS;
        default -> null;
      };
      if (f != null && weight > 0 && weight > bestWeight) {
        best = f;
        bestWeight = weight;
      }
    }
    return best;
  }
}
