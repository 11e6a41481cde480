package io.rtdp.ksql.engine.function.builtin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.concurrent.ConcurrentHashMap;

/** Parsing and formatting with DateTimeFormatter patterns, shared by the date/time UDFs. */
final class TimeFormats {
  private static final ConcurrentHashMap<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();

  private TimeFormats() {}

  static DateTimeFormatter formatter(String pattern) {
    return CACHE.computeIfAbsent(pattern, DateTimeFormatter::ofPattern);
  }

  /** Epoch millis of a date-time text; missing time parts are midnight, missing zone is {@code zone}. */
  static long parseMillis(String text, String pattern, ZoneId zone) {
    TemporalAccessor t = formatter(pattern).parse(text);
    if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t).toEpochMilli();
    }
    LocalDate date = t.isSupported(ChronoField.EPOCH_DAY) ? LocalDate.from(t) : LocalDate.of(1970, 1, 1);
    LocalTime time = t.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(t)
        : t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.of(t.get(ChronoField.HOUR_OF_DAY),
            t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0) : LocalTime.MIDNIGHT;
    return LocalDateTime.of(date, time).atZone(zone).toInstant().toEpochMilli();
  }

  static String formatMillis(long millis, String pattern, ZoneId zone) {
    return formatter(pattern).format(Instant.ofEpochMilli(millis).atZone(zone));
  }
}
