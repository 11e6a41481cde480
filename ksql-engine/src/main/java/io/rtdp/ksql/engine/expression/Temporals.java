package io.rtdp.ksql.engine.expression;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Conversions between temporal values and their text forms, all in UTC. */
public final class Temporals {
  private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
  /** ISO date-time where missing trailing parts default to zero (SPEC §2.5). */
  private static final DateTimeFormatter PARTIAL_ISO = new DateTimeFormatterBuilder()
      .appendPattern("yyyy[-MM[-dd['T'HH[:mm[:ss[.SSS]]]]]]")
      .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
      .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
      .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
      .toFormatter();

  private Temporals() {}

  public static Date date(long epochDays) {
    return new Date(epochDays * 86_400_000L);
  }

  public static long epochDays(Date d) {
    return Math.floorDiv(d.getTime(), 86_400_000L);
  }

  public static String format(Timestamp t) {
    return TIMESTAMP_TEXT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(t.getTime()), ZoneOffset.UTC));
  }

  public static String format(Date d) {
    return LocalDate.ofEpochDay(epochDays(d)).toString();
  }

  public static String format(Time t) {
    return LocalTime.ofNanoOfDay(t.getTime() * 1_000_000L).toString();
  }

  /** Parses an ISO-8601 timestamp, possibly partial and possibly with a zone offset. */
  public static Timestamp parseTimestamp(String text) {
    String s = text.trim();
    int zoneAt = zoneStart(s);
    if (zoneAt > 0) {
      java.time.OffsetDateTime odt = java.time.OffsetDateTime.parse(
          padToSeconds(s.substring(0, zoneAt)) + normalizeZone(s.substring(zoneAt)));
      return new Timestamp(odt.toInstant().toEpochMilli());
    }
    LocalDateTime ldt = LocalDateTime.parse(s, PARTIAL_ISO);
    return new Timestamp(ldt.toInstant(ZoneOffset.UTC).toEpochMilli());
  }

  public static Date parseDate(String text) {
    return date(LocalDate.parse(text.trim()).toEpochDay());
  }

  public static Time parseTime(String text) {
    return new Time(LocalTime.parse(text.trim()).toNanoOfDay() / 1_000_000L);
  }

  private static int zoneStart(String s) {
    int t = s.indexOf('T');
    if (t < 0) {
      return -1;
    }
    for (int i = t; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'Z' || c == '+' || c == '-') {
        return i;
      }
    }
    return -1;
  }

  private static String padToSeconds(String local) {
    String[] parts = local.split("T");
    String time = parts[1];
    int colons = (int) time.chars().filter(ch -> ch == ':').count();
    return parts[0] + "T" + time + ":00".repeat(Math.max(0, 2 - colons));
  }

  private static String normalizeZone(String zone) {
    if (zone.equals("Z")) {
      return "Z";
    }
    return zone.length() == 3 ? zone + ":00" : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
  }
}
