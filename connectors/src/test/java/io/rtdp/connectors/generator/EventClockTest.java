package io.rtdp.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EventClockTest {
    @Test
    void sharesOfOutOfOrderAndLateEventsAreAsConfiguredAndStayWithinTheirBounds() {
        EventClock clock = new EventClock(1_000_000L, 100L, 0.2, 5_000L, 0.05, 60_000L);
        int n = 20_000;
        int outOfOrder = 0;
        int late = 0;
        for (long seq = 0; seq < n; seq++) {
            long inOrder = 1_000_000L + seq * 100L;
            long t = clock.eventTimeMs(seq, Seeds.forEvent(3, seq));
            if (t == inOrder - 60_000L) {
                late++;
            } else if (t < inOrder) {
                assertThat(inOrder - t).isBetween(1L, 5_000L);
                outOfOrder++;
            } else {
                assertThat(t).isEqualTo(inOrder);
            }
        }
        assertThat(outOfOrder / (double) n).isCloseTo(0.2, within(0.015));
        assertThat(late / (double) n).isCloseTo(0.05, within(0.01));
    }
}
