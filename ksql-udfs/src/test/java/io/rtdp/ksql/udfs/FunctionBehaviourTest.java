package io.rtdp.ksql.udfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udfs.anomaly.ZScore;
import io.rtdp.ksql.udfs.currency.ConvertCurrency;
import io.rtdp.ksql.udfs.pii.MaskEmail;
import io.rtdp.ksql.udfs.time.TimeBuckets;
import io.rtdp.ksql.udfs.units.ConvertUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each function's results, NULL handling and bad-argument errors. */
class FunctionBehaviourTest {
  private final ConvertUnit units = new ConvertUnit();
  private final ConvertCurrency currency = new ConvertCurrency();
  private final MaskEmail mask = new MaskEmail();
  private final TimeBuckets buckets = new TimeBuckets();

  @Test
  void convertsUnitsOfTheSameQuantity() {
    assertThat(units.convertUnit(100.0, "C", "F")).isCloseTo(212.0, within(1e-9));
    assertThat(units.convertUnit(32.0, "f", "c")).isCloseTo(0.0, within(1e-9));
    assertThat(units.convertUnit(0.0, "C", "K")).isCloseTo(273.15, within(1e-9));
    assertThat(units.convertUnit(1013.25, "hPa", "psi")).isCloseTo(14.6959, within(1e-4));
    assertThat(units.convertUnit(1.0, "MI", "KM")).isCloseTo(1.609344, within(1e-9));
    assertThat(units.convertUnit(36.0, "kph", "mps")).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void unitNullsGiveNullAndBadUnitsNameTheProblem() {
    assertThat(units.convertUnit(null, "C", "F")).isNull();
    assertThat(units.convertUnit(1.0, null, "F")).isNull();
    assertThatThrownBy(() -> units.convertUnit(1.0, "C", "KM"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot convert temperature (C) to length (KM)");
    assertThatThrownBy(() -> units.convertUnit(1.0, "furlong", "M"))
        .hasMessageStartingWith("Unknown unit 'furlong'; known units: C, F, K");
  }

  @Test
  void convertsCurrenciesThroughTheEuroRoundedToCents() {
    assertThat(currency.convertCurrency(103.5, "USD", "EUR")).isEqualTo(100.0);
    assertThat(currency.convertCurrency(100.0, "eur", "jpy")).isEqualTo(16250.0);
    assertThat(currency.convertCurrency(10.0, "GBP", "USD")).isEqualTo(12.48);
    assertThat(currency.convertCurrency(12.34, "CHF", "CHF")).isEqualTo(12.34);
    assertThat(currency.convertCurrency(886.5, "INR", "EUR")).isEqualTo(10.0);
  }

  @Test
  void currencyNullsGiveNullAndUnknownCodesNameTheCode() {
    assertThat(currency.convertCurrency(null, "USD", "EUR")).isNull();
    assertThat(currency.convertCurrency(1.0, "USD", null)).isNull();
    assertThatThrownBy(() -> currency.convertCurrency(1.0, "XYZ", "EUR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Unknown currency 'XYZ'; known currencies: [");
  }

  @Test
  void masksAddressesKeepingFirstCharacterAndDomain() {
    assertThat(mask.maskEmail("jane.doe@example.com")).isEqualTo("j*******@example.com");
    assertThat(mask.maskEmail("a@b.io")).isEqualTo("a@b.io");
    assertThat(mask.maskEmail("not-an-address")).isEqualTo("**************");
    assertThat(mask.maskEmail("two@at@signs")).isEqualTo("************");
    assertThat(mask.maskEmail("@example.com")).isEqualTo("************");
    assertThat(mask.maskEmail(null)).isNull();
  }

  @Test
  void zscoreOfTheLatestValueAgainstTheGroup() {
    Udaf<Double, List<Double>, Double> z = ZScore.zscoreDouble();
    List<Double> acc = z.initialize();
    assertThat(z.map(acc)).isZero();
    for (double x : new double[] {2, 4, 4, 4, 5, 5, 7}) {
      acc = z.aggregate(x, acc);
    }
    // Latest 7 against mean 31/7 and population variance 96/49.
    assertThat(z.map(acc)).isCloseTo((7 - 31.0 / 7) / Math.sqrt(96.0 / 49), within(1e-12));
    acc = z.aggregate(9.0, acc);
    // Values 2,4,4,4,5,5,7,9: mean 5, population stddev 2, latest 9.
    assertThat(z.map(acc)).isCloseTo(2.0, within(1e-12));
    assertThat(z.map(z.aggregate(null, acc))).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void mergedZscoreEqualsTheZscoreOfAllValues() {
    Udaf<Integer, List<Double>, Double> z = ZScore.zscoreInt();
    List<Double> a = z.initialize();
    for (int x : new int[] {2, 4, 4, 4}) {
      a = z.aggregate(x, a);
    }
    List<Double> b = z.initialize();
    for (int x : new int[] {5, 5, 7, 9}) {
      b = z.aggregate(x, b);
    }
    assertThat(z.map(z.merge(a, b))).isCloseTo(2.0, within(1e-12));
    assertThat(z.map(z.merge(z.initialize(), z.initialize()))).isZero();
  }

  @Test
  void timeBucketsCoverTheIntervalAlignedToTheEpoch() {
    assertThat(buckets.timeBuckets(125_000L, 250_000L, 60_000L)).containsExactly(120_000L, 180_000L, 240_000L);
    assertThat(buckets.timeBuckets(60_000L, 60_000L, 60_000L)).containsExactly(60_000L);
    assertThat(buckets.timeBuckets(-1L, 0L, 60_000L)).containsExactly(-60_000L, 0L);
    assertThat(buckets.timeBuckets(10L, 5L, 60_000L)).isEmpty();
    assertThat(buckets.timeBuckets(null, 5L, 60_000L)).isEmpty();
  }

  @Test
  void timeBucketsRejectBadSizesAndHugeResults() {
    assertThatThrownBy(() -> buckets.timeBuckets(0L, 10L, 0L)).hasMessage("TIME_BUCKETS size must be positive, got 0");
    assertThatThrownBy(() -> buckets.timeBuckets(0L, 86_400_000L, 1_000L))
        .hasMessage("TIME_BUCKETS would return 86401 rows, more than 10000; use a larger size");
  }
}
