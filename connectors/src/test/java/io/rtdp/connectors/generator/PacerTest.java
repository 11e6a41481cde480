package io.rtdp.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void letsOutTheRateAndSaysWhenTheNextEventIsDue() {
        Pacer pacer = new Pacer(100.0, 0L);
        assertThat(pacer.due(SECOND / 2)).isEqualTo(51);
        pacer.emitted(51);
        assertThat(pacer.due(SECOND / 2)).isZero();
        assertThat(pacer.millisUntilNext(SECOND / 2)).isEqualTo(10);
    }

    @Test
    void afterALongPauseCatchesUpAtMostOneSecondThenKeepsTheRate() {
        Pacer pacer = new Pacer(100.0, 0L);
        pacer.emitted(pacer.due(0L));
        assertThat(pacer.due(600 * SECOND)).isEqualTo(100);
        pacer.emitted(100);
        assertThat(pacer.due(600 * SECOND)).isZero();
        assertThat(pacer.due(600 * SECOND + SECOND / 10)).isBetween(9L, 11L);
    }

    @Test
    void withoutARateEverythingIsDue() {
        assertThat(new Pacer(0, 0L).due(0L)).isEqualTo(Long.MAX_VALUE);
    }
}
