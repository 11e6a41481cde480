package io.rtdp.connectors.generator;

import java.util.SplittableRandom;

/** Generates the value of one field of an Avro-described event. */
@FunctionalInterface
interface ValueGenerator {
    Object next(long sequence, SplittableRandom random);
}
