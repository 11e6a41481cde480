package io.rtdp.connectors.generator;

import java.util.Date;
import java.util.SplittableRandom;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Payments: payment N settles order N of the orders domain with the same seed, keys and tasks (the
 * order is regenerated from the same random stream), so the two topics join on order_id.
 */
final class CommercePaymentsModel implements EventModel {
    static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("io.rtdp.commerce.Payment").version(1)
            .doc("A payment for an order")
            .field("payment_id", Schema.STRING_SCHEMA)
            .field("order_id", Schema.STRING_SCHEMA)
            .field("customer_id", Schema.STRING_SCHEMA)
            .field("amount", Schema.FLOAT64_SCHEMA)
            .field("currency", Schema.STRING_SCHEMA)
            .field("method", SchemaBuilder.string().doc("card, paypal, bank_transfer or wallet").build())
            .field("status", SchemaBuilder.string().doc("AUTHORIZED, DECLINED or REFUNDED").build())
            .field("event_time", Timestamp.SCHEMA)
            .build();

    private static final String[] METHODS = {"card", "card", "card", "paypal", "bank_transfer", "wallet"};

    private final CommerceOrdersModel orders;

    CommercePaymentsModel(long seed) {
        this.orders = new CommerceOrdersModel(seed);
    }

    @Override
    public Schema keySchema() {
        return Schema.STRING_SCHEMA;
    }

    @Override
    public Schema valueSchema() {
        return VALUE_SCHEMA;
    }

    @Override
    public GeneratedEvent event(long sequence, long eventTimeMs, SplittableRandom random, KeySlice keys) {
        Struct order = orders.event(sequence, eventTimeMs, random, keys).value();
        long paidAt = eventTimeMs + 1_000 + random.nextLong(120_000);
        double outcome = random.nextDouble();
        String status = outcome < 0.90 ? "AUTHORIZED" : outcome < 0.98 ? "DECLINED" : "REFUNDED";
        String orderId = order.getString("order_id");
        Struct value = new Struct(VALUE_SCHEMA)
                .put("payment_id", Ids.of("payment-", sequence, 10))
                .put("order_id", orderId)
                .put("customer_id", order.getString("customer_id"))
                .put("amount", order.getFloat64("amount"))
                .put("currency", order.getString("currency"))
                .put("method", METHODS[random.nextInt(METHODS.length)])
                .put("status", status)
                .put("event_time", new Date(paidAt));
        return new GeneratedEvent(orderId, value, paidAt);
    }
}
