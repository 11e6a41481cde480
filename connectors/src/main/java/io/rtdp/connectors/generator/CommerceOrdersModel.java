package io.rtdp.connectors.generator;

import java.util.Date;
import java.util.SplittableRandom;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Orders: a customer (who always shops from the same country, nearly always in its currency)
 * buys from a merchant (a few merchants get most orders), for a log-normally distributed amount.
 * A few orders (2 %) are placed abroad, priced in the currency of a country drawn at random (now
 * and then the customer's own): what the commerce pipeline's country-mismatch flag looks for.
 */
final class CommerceOrdersModel implements EventModel {
    static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("io.rtdp.commerce.Order").version(1)
            .doc("An order placed by a customer at a merchant")
            .field("order_id", Schema.STRING_SCHEMA)
            .field("customer_id", Schema.STRING_SCHEMA)
            .field("merchant_id", Schema.STRING_SCHEMA)
            .field("amount", SchemaBuilder.float64().doc("in currency, rounded to its minor unit").build())
            .field("currency", SchemaBuilder.string().doc("ISO 4217").build())
            .field("country", SchemaBuilder.string().doc("ISO 3166-1 alpha-2, the customer's").build())
            .field("channel", SchemaBuilder.string().doc("web, mobile or store").build())
            .field("event_time", Timestamp.SCHEMA)
            .build();

    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "JP", "IN", "BR", "CA", "ES", "IT"};
    private static final int[] COUNTRY_WEIGHTS = {30, 12, 10, 9, 8, 8, 7, 6, 5, 5};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "EUR", "JPY", "INR", "BRL", "CAD", "EUR", "EUR"};
    private static final double[] PER_USD = {1.0, 0.92, 0.79, 0.92, 150.0, 83.0, 5.0, 1.36, 0.92, 0.92};
    private static final int[] MINOR_DIGITS = {2, 2, 2, 2, 0, 2, 2, 2, 2, 2};
    private static final String[] CHANNELS = {"web", "mobile", "store"};
    private static final int MERCHANTS = 500;
    private static final double ABROAD_RATIO = 0.02;

    private final long seed;

    CommerceOrdersModel(long seed) {
        this.seed = seed;
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
        int customer = keys.pick(random);
        int country = countryOf(customer);
        double u = random.nextDouble();
        int merchant = (int) (MERCHANTS * u * u * u);
        double usd = Math.exp(3.6 + 0.9 * random.nextGaussian());
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        // Drawn last, so that the other fields stay what they were before orders went abroad.
        int priced = random.nextDouble() < ABROAD_RATIO ? random.nextInt(COUNTRIES.length) : country;
        double amount = Ids.round(usd * PER_USD[priced], MINOR_DIGITS[priced]);
        String orderId = Ids.of("order-", sequence, 10);
        Struct value = new Struct(VALUE_SCHEMA)
                .put("order_id", orderId)
                .put("customer_id", Ids.of("customer-", customer, 7))
                .put("merchant_id", Ids.of("merchant-", merchant, 4))
                .put("amount", amount)
                .put("currency", CURRENCIES[priced])
                .put("country", COUNTRIES[country])
                .put("channel", channel)
                .put("event_time", new Date(eventTimeMs));
        return new GeneratedEvent(orderId, value, eventTimeMs);
    }

    private int countryOf(int customer) {
        int draw = (int) Long.remainderUnsigned(Seeds.forEntity(seed, customer), 100);
        for (int i = 0; i < COUNTRY_WEIGHTS.length; i++) {
            draw -= COUNTRY_WEIGHTS[i];
            if (draw < 0) {
                return i;
            }
        }
        return COUNTRIES.length - 1;
    }
}
