package io.rtdp.bench.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The baseline: the queries of {@link EngineQueries} written directly against the Kafka Streams DSL,
 * with typed records and Jackson, keeping the statements' null semantics and output.
 */
final class HandWritten {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration SESSION_GAP = Duration.ofSeconds(30);

    private HandWritten() {
    }

    record Order(@JsonProperty("ITEM") String item, @JsonProperty("QTY") Integer qty,
                 @JsonProperty("PRICE") Double price) {
    }

    @JsonPropertyOrder({"ITEM", "AMOUNT"})
    record BigOrder(@JsonProperty("ITEM") String item, @JsonProperty("AMOUNT") Double amount) {
        static BigOrder of(Order o) {
            return new BigOrder(o.item() == null ? null : o.item().toUpperCase(Locale.ROOT),
                    o.qty() == null || o.price() == null ? null : o.qty() * o.price());
        }
    }

    /** Also the window store's value, through the same JSON serde, as one usually writes it by hand. */
    @JsonPropertyOrder({"N", "Q"})
    record Totals(@JsonProperty("N") long count, @JsonProperty("Q") Integer sum) {
        Totals add(Order o) {
            return new Totals(count + 1, o.qty() == null ? sum : sum + o.qty());
        }
    }

    /** The session's value; LATEST_BY_OFFSET keeps the last non-NULL item. */
    @JsonPropertyOrder({"N", "ITEM"})
    record Session(@JsonProperty("N") long count, @JsonProperty("ITEM") String item) {
        Session add(Order o) {
            return new Session(count + 1, o.item() == null ? item : o.item());
        }

        Session merge(Session later) {
            return new Session(count + later.count, later.item == null ? item : later.item);
        }
    }

    static Topology filterProject(String sinkTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        orders(builder)
                .filter((id, o) -> o != null && o.qty() != null && o.qty() > 50)
                .mapValues(BigOrder::of)
                .to(sinkTopic, Produced.with(Serdes.String(), JsonSerde.of(BigOrder.class)));
        return builder.build();
    }

    static Topology windowedCountSum(String sinkTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<Order> orderSerde = JsonSerde.of(Order.class);
        Serde<Totals> totalsSerde = JsonSerde.of(Totals.class);
        orders(builder)
                // A GROUP BY drops rows whose grouping key is null, as does ksqlDB, and tombstones.
                .filter((id, o) -> id != null && o != null)
                .groupByKey(Grouped.with(Serdes.String(), orderSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
                .aggregate(() -> new Totals(0, 0), (id, o, totals) -> totals.add(o),
                        Materialized.<String, Totals, WindowStore<Bytes, byte[]>>as("totals-per-minute")
                                .withKeySerde(Serdes.String()).withValueSerde(totalsSerde)
                                .withRetention(WINDOW.plus(GRACE)))
                .toStream()
                .to(sinkTopic, Produced.with(
                        WindowedSerdes.timeWindowedSerdeFrom(String.class, WINDOW.toMillis()), totalsSerde));
        return builder.build();
    }

    static Topology sessionFinal(String sinkTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<Session> sessionSerde = JsonSerde.of(Session.class);
        orders(builder)
                .filter((id, o) -> id != null && o != null)
                .groupByKey(Grouped.with(Serdes.String(), JsonSerde.of(Order.class)))
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(SESSION_GAP, Duration.ZERO))
                .emitStrategy(EmitStrategy.onWindowClose())
                .aggregate(() -> new Session(0, null), (id, o, s) -> s.add(o), (id, a, b) -> a.merge(b),
                        Materialized.<String, Session, SessionStore<Bytes, byte[]>>as("sessions")
                                .withKeySerde(Serdes.String()).withValueSerde(sessionSerde))
                .toStream()
                .to(sinkTopic, Produced.with(WindowedSerdes.sessionWindowedSerdeFrom(String.class), sessionSerde));
        return builder.build();
    }

    private static KStream<String, Order> orders(StreamsBuilder builder) {
        return builder.stream(Orders.TOPIC, Consumed.with(Serdes.String(), JsonSerde.of(Order.class)));
    }
}
