package io.rtdp.connectors.generator;

import java.util.SplittableRandom;

import org.apache.kafka.connect.data.Schema;

/**
 * What one domain generates. An event is a pure function of its sequence number, its event time and
 * the random stream seeded for that sequence number: that is what makes runs repeatable and
 * restarts seamless.
 */
public interface EventModel {
    Schema keySchema();

    Schema valueSchema();

    GeneratedEvent event(long sequence, long eventTimeMs, SplittableRandom random, KeySlice keys);
}
