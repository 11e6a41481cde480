package io.rtdp.connectors.generator;

import org.apache.kafka.connect.data.Struct;

/** One generated event: its key (for partitioning), its value and its event time (the record timestamp). */
public record GeneratedEvent(Object key, Struct value, long timestampMs) {
}
