package io.rtdp.ksql.udfs.currency;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.math.RoundingMode;

@UdfDescription(name = "CONVERT_CURRENCY", category = "MATHEMATICAL", author = "rtdp", version = "1.0",
    description = "Converts an amount between currencies (ISO 4217 codes, case-insensitive) at the fixed"
        + " reference rates the platform ships (" + ReferenceRates.AS_OF + "), rounded to 2 decimal places"
        + " half-even. NULL in, NULL out; an unknown currency code is an error (the processing log records it"
        + " and the result is NULL).")
public final class ConvertCurrency {
  @Udf(description = "The amount in the target currency, as a DOUBLE.")
  public Double convertCurrency(
      @UdfParameter(value = "amount", description = "the amount to convert") Double amount,
      @UdfParameter(value = "fromCurrency", description = "the amount's currency, e.g. 'USD'") String fromCurrency,
      @UdfParameter(value = "toCurrency", description = "the wanted currency, e.g. 'EUR'") String toCurrency) {
    if (amount == null || fromCurrency == null || toCurrency == null) {
      return null;
    }
    BigDecimal converted = ReferenceRates.convert(BigDecimal.valueOf(amount), fromCurrency, toCurrency);
    return converted.setScale(2, RoundingMode.HALF_EVEN).doubleValue();
  }
}
