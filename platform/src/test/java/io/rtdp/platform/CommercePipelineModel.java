package io.rtdp.platform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.connect.data.Struct;

/**
 * What the commerce pipeline (ksql/V000004..V000006) must produce from lists of orders and
 * payments, computed here without KSQL: amounts in US dollars at the reference rates per euro that
 * CONVERT_CURRENCY documents (DESCRIBE FUNCTION), rounded half-even to cents; then the hopping
 * windows of merchant revenue and customer velocity (1-minute grace, the last update of each: EMIT
 * CHANGES, an order whose window closed in event time not counted there, stream time started
 * again where the query resumed after a restart of the KSQL server, see {@link QueryResume}), and
 * the payments joined to their orders with the flags of the suspicious ones.
 */
final class CommercePipelineModel {
    /** The windowed queries, by the name of the table they write (the models' input: COMMERCE_ORDERS_USD). */
    static final String MERCHANT_REVENUE = "COMMERCE_MERCHANT_REVENUE";
    static final String CUSTOMER_VELOCITY = "COMMERCE_CUSTOMER_VELOCITY";
    static final List<String> WINDOWED_QUERIES = List.of(MERCHANT_REVENUE, CUSTOMER_VELOCITY);
    private static final long MINUTE = 60_000;
    private static final long REVENUE_SIZE = 15 * MINUTE;
    private static final long REVENUE_ADVANCE = 5 * MINUTE;
    private static final long VELOCITY_SIZE = 10 * MINUTE;
    private static final long VELOCITY_ADVANCE = 2 * MINUTE;
    private static final int VELOCITY_ORDERS = 14;
    private static final long GRACE = MINUTE;
    private static final long JOIN_BEFORE = 30_000;
    private static final long JOIN_AFTER = 5 * MINUTE;
    private static final long JOIN_GRACE = MINUTE;
    private static final double LARGE_USD = 500.0;
    /** The CASE of COMMERCE_PAID_ORDERS: the currency a customer of that country pays in. */
    private static final Map<String, String> COUNTRY_CURRENCY = Map.ofEntries(
            Map.entry("US", "USD"), Map.entry("GB", "GBP"), Map.entry("JP", "JPY"), Map.entry("IN", "INR"),
            Map.entry("BR", "BRL"), Map.entry("CA", "CAD"), Map.entry("CH", "CHF"), Map.entry("AU", "AUD"),
            Map.entry("DE", "EUR"), Map.entry("FR", "EUR"), Map.entry("ES", "EUR"), Map.entry("IT", "EUR"),
            Map.entry("NL", "EUR"), Map.entry("AT", "EUR"), Map.entry("BE", "EUR"), Map.entry("IE", "EUR"));
    private static final Map<String, BigDecimal> PER_EUR = Map.ofEntries(
            Map.entry("EUR", new BigDecimal("1")), Map.entry("USD", new BigDecimal("1.0350")),
            Map.entry("GBP", new BigDecimal("0.8290")), Map.entry("CHF", new BigDecimal("0.9400")),
            Map.entry("JPY", new BigDecimal("162.50")), Map.entry("SEK", new BigDecimal("11.480")),
            Map.entry("PLN", new BigDecimal("4.2700")), Map.entry("CAD", new BigDecimal("1.4900")),
            Map.entry("AUD", new BigDecimal("1.6700")), Map.entry("BRL", new BigDecimal("6.4200")),
            Map.entry("INR", new BigDecimal("88.650")), Map.entry("CNY", new BigDecimal("7.5600")));

    private CommercePipelineModel() {
    }

    static double usd(double amount, String currency) {
        BigDecimal inEur = BigDecimal.valueOf(amount).divide(PER_EUR.get(currency), MathContext.DECIMAL64);
        return inEur.multiply(PER_EUR.get("USD"), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** COMMERCE_MERCHANT_REVENUE: merchant@start → orders, customers, revenue, average and largest order (USD). */
    static Map<String, double[]> merchantRevenue(List<Struct> orders, QueryResume resume) {
        Map<String, double[]> rows = new TreeMap<>();
        hoppingWindows(orders, "merchant_id", REVENUE_SIZE, REVENUE_ADVANCE, resume.streamTime()).forEach((key, counted) -> {
            double[] usd = counted.stream().mapToDouble(CommercePipelineModel::usd).toArray();
            double sum = Arrays.stream(usd).sum();
            rows.put(key, new double[] {usd.length, distinct(counted, "customer_id"), sum, sum / usd.length,
                    Arrays.stream(usd).max().orElseThrow()});
        });
        return rows;
    }

    /**
     * COMMERCE_CUSTOMER_VELOCITY: customer@start → orders, amount (USD), merchants, for the windows
     * with 14 or more orders. HAVING turns the updates of a window below 14 into tombstones, which
     * the sink skips (delete.enabled false); a window's count only grows, so its last update, the
     * one in PostgreSQL, holds everything counted in it.
     */
    static Map<String, double[]> customerVelocity(List<Struct> orders, QueryResume resume) {
        Map<String, double[]> rows = new TreeMap<>();
        hoppingWindows(orders, "customer_id", VELOCITY_SIZE, VELOCITY_ADVANCE, resume.streamTime()).forEach((key, counted) -> {
            if (counted.size() >= VELOCITY_ORDERS) {
                rows.put(key, new double[] {counted.size(), counted.stream().mapToDouble(CommercePipelineModel::usd).sum(),
                        distinct(counted, "merchant_id")});
            }
        });
        return rows;
    }

    /**
     * What COMMERCE_PAID_ORDERS joins when every payment reaches the join after the join has taken
     * in every order (the order the test writes them in).
     * <p>
     * It is Kafka Streams' inner stream-stream join (ksqlDB's WITHIN (30 SECONDS, 5 MINUTES) GRACE
     * PERIOD 1 MINUTE is JoinWindows before 30 s, after 5 min, grace 1 min): a payment looks up the
     * orders of its key from 5 minutes before to 30 seconds after its own time, in the orders'
     * window store. That store keeps an order for the windows' size (30 s + 5 min) plus the grace,
     * 6.5 minutes, counted in its own stream time, the highest order time it has taken in: an order
     * that far behind it is gone, whatever the payments' times (the grace counts in each side's
     * store, not in the join's shared stream time). Here that stream time is the last order's time
     * for every payment, so which orders are still there is settled and the result does not depend
     * on how the two topics interleave; in a live stream it would.
     */
    static PaidOrders paidOrders(List<Struct> orders, List<Struct> payments) {
        Map<String, Struct> ordersById = new TreeMap<>();
        orders.forEach(o -> ordersById.put(o.getString("order_id"), o));
        long orderStreamTime = orders.stream().mapToLong(CommercePipelineModel::time).max().orElseThrow();
        List<Struct[]> joined = new ArrayList<>();
        int outsideWindow = 0;
        int orderGone = 0;
        for (Struct p : payments) {
            Struct o = ordersById.get(p.getString("order_id"));
            if (time(o) <= orderStreamTime - (JOIN_BEFORE + JOIN_AFTER + JOIN_GRACE)) {
                orderGone++;
            } else if (time(p) < time(o) - JOIN_BEFORE || time(p) > time(o) + JOIN_AFTER) {
                outsideWindow++;
            } else {
                joined.add(new Struct[] {o, p});
            }
        }
        return new PaidOrders(joined, outsideWindow, orderGone);
    }

    /** The (order, payment) pairs joined, and how many payments found no order for each reason. */
    record PaidOrders(List<Struct[]> joined, int outsideWindow, int orderGone) {
        /** COMMERCE_PAID_ORDERS: order@payment → ordered at, paid at, delay. */
        Map<String, double[]> rows() {
            Map<String, double[]> rows = new TreeMap<>();
            joined.forEach(j -> rows.put(j[0].getString("order_id") + "@" + j[1].getString("payment_id"),
                    new double[] {time(j[0]), time(j[1]), time(j[1]) - time(j[0])}));
            return rows;
        }

        /**
         * COMMERCE_SUSPICIOUS_ORDERS, the paid orders of 500 USD and more or with a country mismatch:
         * order@payment@customer@merchant@order currency@payment currency@country@status@LARGE_AMOUNT@COUNTRY_MISMATCH
         * → amount, amount (USD), ordered at, paid at.
         */
        Map<String, double[]> suspicious() {
            Map<String, double[]> rows = new TreeMap<>();
            for (Struct[] j : joined) {
                Struct o = j[0];
                Struct p = j[1];
                double usd = usd(o);
                String countryCurrency = COUNTRY_CURRENCY.get(o.getString("country"));
                boolean large = usd >= LARGE_USD;
                boolean mismatch = !o.getString("currency").equals(p.getString("currency"))
                        || countryCurrency != null && !countryCurrency.equals(o.getString("currency"));
                if (large || mismatch) {
                    rows.put(String.join("@", o.getString("order_id"), p.getString("payment_id"), o.getString("customer_id"),
                            o.getString("merchant_id"), o.getString("currency"), p.getString("currency"), o.getString("country"),
                            p.getString("status"), Boolean.toString(large), Boolean.toString(mismatch)),
                            new double[] {o.getFloat64("amount"), usd, time(o), time(p)});
                }
            }
            return rows;
        }
    }

    /**
     * The orders each hopping window (1-minute grace) counts, by key@start: an order goes into
     * every window it falls in that had not closed in event time when it arrived (stream time,
     * the highest event time so far, before end + grace).
     */
    private static Map<String, List<Struct>> hoppingWindows(List<Struct> orders, String keyField, long size, long advance,
                                                            StreamTime streamTime) {
        Map<String, List<Struct>> windows = new TreeMap<>();
        for (Struct o : orders) {
            long t = time(o);
            long now = streamTime.next(t);
            long lastStart = t - Math.floorMod(t, advance);
            for (long start = lastStart - size + advance; start <= lastStart; start += advance) {
                if (start + size + GRACE > now) {
                    windows.computeIfAbsent(o.getString(keyField) + "@" + start, k -> new ArrayList<>()).add(o);
                }
            }
        }
        return windows;
    }

    private static long time(Struct event) {
        return ((Date) event.get("event_time")).getTime();
    }

    private static double usd(Struct order) {
        return usd(order.getFloat64("amount"), order.getString("currency"));
    }

    private static int distinct(List<Struct> orders, String field) {
        return (int) orders.stream().map(o -> o.getString(field)).distinct().count();
    }
}
