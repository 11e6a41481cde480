package io.rtdp.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CursorTest {
    private static Column column(String name, ColumnType type) {
        return new Column(name, type, type.name().toLowerCase(), true);
    }

    private static final List<Column> KEYS = List.of(column("t", ColumnType.TEXT), column("i", ColumnType.INTEGER),
            column("b", ColumnType.BIGINT), column("n", ColumnType.NUMERIC), column("d", ColumnType.DOUBLE),
            column("f", ColumnType.BOOLEAN), column("u", ColumnType.UUID_TYPE), column("day", ColumnType.DATE),
            column("local", ColumnType.TIMESTAMP));
    private static final ResultTable TABLE = new ResultTable("things", "public", "things", KEYS,
            Optional.of(column("at", ColumnType.TIMESTAMPTZ)), KEYS, Set.of(), "");

    @Test
    void everyOrderableTypeRoundTripsThroughTheCursor() {
        List<Object> values = List.of(OffsetDateTime.parse("2026-11-25T10:00:00.123456Z"), "it's \"quoted\"", 7, 1L << 40,
                new BigDecimal("12.50"), 0.1, true, UUID.fromString("00000000-0000-0000-0000-000000000009"),
                LocalDate.parse("2026-11-25"), LocalDateTime.parse("2026-11-25T10:00:00"));
        Cursor cursor = new Cursor("things", SortOrder.DESC, values);

        Cursor decoded = Cursor.decode(cursor.encode(TABLE.orderColumns()), TABLE);

        assertThat(decoded.order()).isEqualTo(SortOrder.DESC);
        assertThat(decoded.values()).isEqualTo(values);
    }

    @Test
    void foreignOrDamagedCursorsAreRefused() {
        String other = new Cursor("other", SortOrder.ASC, List.of("x")).encode(List.of(column("t", ColumnType.TEXT)));
        assertThatThrownBy(() -> Cursor.decode(other, TABLE)).hasMessage("is not a cursor of things");
        assertThatThrownBy(() -> Cursor.decode("%%%", TABLE)).hasMessage("is not a cursor this service returned");
        String badValue = Base64.getUrlEncoder().encodeToString(
                "{\"t\":\"things\",\"o\":\"ASC\",\"v\":[\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]}".getBytes());
        assertThatThrownBy(() -> Cursor.decode(badValue, TABLE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be a date and time with offset");
    }
}
