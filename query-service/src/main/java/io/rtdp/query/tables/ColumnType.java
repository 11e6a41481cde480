package io.rtdp.query.tables;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The PostgreSQL types the service knows how to filter on, order by and render; anything else is
 * rendered as its text and cannot be a key or time column. Each type has one canonical text form,
 * used both in cursors and in JSON, so that a value read from a row round-trips to a bound parameter.
 */
public enum ColumnType {
    TEXT("string", null),
    INTEGER("integer", "int32"),
    BIGINT("integer", "int64"),
    NUMERIC("number", null),
    DOUBLE("number", "double"),
    BOOLEAN("boolean", null),
    UUID_TYPE("string", "uuid"),
    DATE("string", "date"),
    TIMESTAMP("string", "date-time"),
    TIMESTAMPTZ("string", "date-time"),
    JSON("object", null),
    OTHER("string", null);

    private final String jsonType;
    private final String jsonFormat;

    ColumnType(String jsonType, String jsonFormat) {
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
    }

    /** From {@code pg_type.typname}. */
    public static ColumnType ofPostgresType(String typname) {
        return switch (typname) {
            case "text", "varchar", "bpchar", "name", "citext" -> TEXT;
            case "int2", "int4" -> INTEGER;
            case "int8" -> BIGINT;
            case "numeric" -> NUMERIC;
            case "float4", "float8" -> DOUBLE;
            case "bool" -> BOOLEAN;
            case "uuid" -> UUID_TYPE;
            case "date" -> DATE;
            case "timestamp" -> TIMESTAMP;
            case "timestamptz" -> TIMESTAMPTZ;
            case "json", "jsonb" -> JSON;
            default -> OTHER;
        };
    }

    public boolean canBeKey() {
        return this != JSON && this != OTHER;
    }

    public boolean canBeTime() {
        return this == TIMESTAMPTZ || this == TIMESTAMP || this == DATE || this == BIGINT;
    }

    public String jsonType() {
        return jsonType;
    }

    public String jsonFormat() {
        return jsonFormat;
    }

    /**
     * Parses a client's text into the Java value bound for this type.
     *
     * @throws IllegalArgumentException with a message fit for a field error
     */
    public Object parse(String text) {
        try {
            return switch (this) {
                case TEXT, OTHER, JSON -> text;
                case INTEGER -> Integer.valueOf(text);
                case BIGINT -> Long.valueOf(text);
                case NUMERIC -> new BigDecimal(text);
                case DOUBLE -> Double.valueOf(text);
                case BOOLEAN -> parseBoolean(text);
                case UUID_TYPE -> UUID.fromString(text);
                case DATE -> LocalDate.parse(text);
                case TIMESTAMP -> LocalDateTime.parse(text);
                case TIMESTAMPTZ -> OffsetDateTime.parse(text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("must be " + describe());
        }
    }

    /** The value bound to compare this (time) column with an instant. */
    public Object fromInstant(Instant instant) {
        return switch (this) {
            case TIMESTAMPTZ -> instant.atOffset(ZoneOffset.UTC);
            // A timestamp without time zone is taken to hold UTC, as the sink writes it.
            case TIMESTAMP -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            case DATE -> LocalDate.ofInstant(instant, ZoneOffset.UTC);
            case BIGINT -> instant.toEpochMilli();
            default -> throw new IllegalStateException(this + " is not a time type");
        };
    }

    /** Reads a column of a row as the value the JSON body shows (JSON columns are handled by the caller). */
    public Object read(ResultSet rows, String column) throws SQLException {
        Object value = switch (this) {
            case TIMESTAMPTZ -> rows.getObject(column, OffsetDateTime.class);
            case TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case DATE -> rows.getObject(column, LocalDate.class);
            case TEXT, OTHER, JSON -> rows.getString(column);
            default -> rows.getObject(column);
        };
        if (value == null) {
            return null;
        }
        return switch (this) {
            // ISO formatters always print the seconds, where toString() drops them when zero.
            case TIMESTAMPTZ -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC));
            case TIMESTAMP -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
            case DATE, UUID_TYPE -> value.toString();
            case INTEGER -> ((Number) value).intValue();
            default -> value;
        };
    }

    private String describe() {
        return switch (this) {
            case INTEGER, BIGINT -> "a whole number";
            case NUMERIC, DOUBLE -> "a number";
            case UUID_TYPE -> "a UUID";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (2026-11-25)";
            case TIMESTAMP -> "a date and time without offset (2026-11-25T15:00:00)";
            case TIMESTAMPTZ -> "a date and time with offset (2026-11-25T15:00:00Z)";
            default -> "text";
        };
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(text);
        };
    }
}
