package io.rtdp.connectors.generator;

import java.util.SplittableRandom;

/** The random stream of one event, derived from the connector's seed and the event's sequence number. */
final class Seeds {
    private Seeds() {
    }

    static SplittableRandom forEvent(long seed, long sequence) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + mix(sequence)));
    }

    /** A stable per-entity value (a device's bias, a customer's country) independent of the event. */
    static long forEntity(long seed, long entity) {
        return mix(seed ^ mix(entity + 0x632BE59BD9B4E019L));
    }

    // SplitMix64's finalizer: neighbouring inputs give unrelated outputs.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
