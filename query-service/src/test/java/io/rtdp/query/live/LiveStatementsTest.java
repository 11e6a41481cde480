package io.rtdp.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The only statements the service sends the KSQL server, and how a key from a request becomes a literal in them. */
class LiveStatementsTest {
    private static LiveSource source(KeyType keyType, boolean windowed) {
        return new LiveSource("totals", "DEVICE_TOTALS", LiveSourceConfiguration.Kind.TABLE, "DEVICE", keyType, windowed,
                Set.of(), "");
    }

    @Test
    void stringKeyIsQuotedWithEachQuoteDoubled() {
        assertThat(source(KeyType.STRING, false).lookup("it's", Optional.empty(), Optional.empty()))
                .isEqualTo("SELECT * FROM `DEVICE_TOTALS` WHERE `DEVICE` = 'it''s';");
        assertThat(source(KeyType.STRING, false).lookup("x' OR '1'='1", Optional.empty(), Optional.empty()))
                .isEqualTo("SELECT * FROM `DEVICE_TOTALS` WHERE `DEVICE` = 'x'' OR ''1''=''1';");
    }

    @Test
    void numericKeyMustParseAndIsWrittenCanonically() {
        assertThat(KeyType.INTEGER.literal("007")).isEqualTo("7");
        assertThat(KeyType.INTEGER.literal("-5")).isEqualTo("-5");
        assertThat(KeyType.BIGINT.literal("9223372036854775807")).isEqualTo("9223372036854775807");
        for (String bad : new String[] {"7 OR 1=1", " 7", "1e3", "2147483648", "0x10", ""}) {
            assertThatThrownBy(() -> KeyType.INTEGER.literal(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("must be an integer");
        }
        assertThatThrownBy(() -> KeyType.BIGINT.literal("9223372036854775808")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowRangeIsEpochMillisOnWindowStart() {
        assertThat(source(KeyType.INTEGER, true).lookup("42", Optional.of(Instant.parse("2026-11-25T10:00:00Z")),
                Optional.of(Instant.parse("2026-11-25T11:00:00Z"))))
                .isEqualTo("SELECT * FROM `DEVICE_TOTALS` WHERE `DEVICE` = 42 AND WINDOWSTART >= 1795600800000"
                        + " AND WINDOWSTART < 1795604400000;");
    }

    @Test
    void pushQueryOfEveryChangeOrOfOneKey() {
        assertThat(source(KeyType.STRING, false).changes(Optional.empty())).isEqualTo("SELECT * FROM `DEVICE_TOTALS` EMIT CHANGES;");
        assertThat(source(KeyType.STRING, false).changes(Optional.of("a;b")))
                .isEqualTo("SELECT * FROM `DEVICE_TOTALS` WHERE `DEVICE` = 'a;b' EMIT CHANGES;");
    }
}
