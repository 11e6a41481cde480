package io.rtdp.ksql.udfs.currency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Units of each currency per euro. Fixed on purpose: results that land in PostgreSQL must be
 * reproducible from the events alone, so a pipeline cannot depend on a live rate feed.
 */
final class ReferenceRates {
  static final String AS_OF = "reference rates per EUR of 2026-01-02";

  private static final Map<String, BigDecimal> PER_EUR = new TreeMap<>(Map.ofEntries(
      Map.entry("EUR", new BigDecimal("1")),
      Map.entry("USD", new BigDecimal("1.0350")),
      Map.entry("GBP", new BigDecimal("0.8290")),
      Map.entry("CHF", new BigDecimal("0.9400")),
      Map.entry("JPY", new BigDecimal("162.50")),
      Map.entry("SEK", new BigDecimal("11.480")),
      Map.entry("PLN", new BigDecimal("4.2700")),
      Map.entry("CAD", new BigDecimal("1.4900")),
      Map.entry("AUD", new BigDecimal("1.6700")),
      Map.entry("BRL", new BigDecimal("6.4200")),
      Map.entry("INR", new BigDecimal("88.650")),
      Map.entry("CNY", new BigDecimal("7.5600"))));

  private ReferenceRates() {}

  static BigDecimal convert(BigDecimal amount, String from, String to) {
    BigDecimal inEur = amount.divide(rate(from), MathContext.DECIMAL64);
    return inEur.multiply(rate(to), MathContext.DECIMAL64);
  }

  private static BigDecimal rate(String code) {
    BigDecimal rate = PER_EUR.get(code.trim().toUpperCase(Locale.ROOT));
    if (rate == null) {
      throw new IllegalArgumentException("Unknown currency '" + code + "'; known currencies: " + PER_EUR.keySet());
    }
    return rate;
  }
}
