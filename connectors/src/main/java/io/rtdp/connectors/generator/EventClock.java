package io.rtdp.connectors.generator;

import java.util.SplittableRandom;

/**
 * Event time of each event: the origin plus one step per sequence number, moved back for a share of
 * events to make them out of order (within a window's grace) or late (beyond it).
 */
public record EventClock(long originMs, long stepMs, double outOfOrderRatio, long outOfOrderMaxMs,
                         double lateRatio, long lateDelayMs) {

    public long eventTimeMs(long sequence, SplittableRandom random) {
        long inOrder = originMs + sequence * stepMs;
        double draw = random.nextDouble();
        if (draw < lateRatio) {
            return inOrder - lateDelayMs;
        }
        if (draw < lateRatio + outOfOrderRatio) {
            return inOrder - 1 - random.nextLong(outOfOrderMaxMs);
        }
        return inOrder;
    }
}
