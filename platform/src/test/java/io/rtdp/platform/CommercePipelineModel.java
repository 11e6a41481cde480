package io.rtdp.platform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.connect.data.Struct;

/**
 * What the commerce pipeline's merchant revenue (ksql/V000004, V000005) must hold for a list of
 * orders, computed here without KSQL: amounts in US dollars at the reference rates per euro that
 * CONVERT_CURRENCY documents (DESCRIBE FUNCTION), rounded half-even to cents; then 15-minute windows
 * advancing every 5 with a 1-minute grace, the last update of each (EMIT CHANGES), an order whose
 * window closed in event time not counted there.
 */
final class CommercePipelineModel {
    private static final long MINUTE = 60_000;
    private static final long SIZE = 15 * MINUTE;
    private static final long ADVANCE = 5 * MINUTE;
    private static final long GRACE = MINUTE;
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
    static Map<String, double[]> merchantRevenue(List<Struct> orders) {
        Map<String, List<Double>> amounts = new TreeMap<>();
        Map<String, Set<String>> customers = new TreeMap<>();
        long streamTime = Long.MIN_VALUE;
        for (Struct o : orders) {
            long t = ((Date) o.get("event_time")).getTime();
            streamTime = Math.max(streamTime, t);
            double usd = usd(o.getFloat64("amount"), o.getString("currency"));
            long lastStart = t - Math.floorMod(t, ADVANCE);
            for (long start = lastStart - SIZE + ADVANCE; start <= lastStart; start += ADVANCE) {
                if (start + SIZE + GRACE > streamTime) {
                    String key = o.getString("merchant_id") + "@" + start;
                    amounts.computeIfAbsent(key, k -> new ArrayList<>()).add(usd);
                    customers.computeIfAbsent(key, k -> new HashSet<>()).add(o.getString("customer_id"));
                }
            }
        }
        Map<String, double[]> rows = new TreeMap<>();
        amounts.forEach((key, a) -> {
            double sum = a.stream().mapToDouble(Double::doubleValue).sum();
            rows.put(key, new double[] {a.size(), customers.get(key).size(), sum, sum / a.size(),
                    a.stream().mapToDouble(Double::doubleValue).max().orElseThrow()});
        });
        return rows;
    }
}
