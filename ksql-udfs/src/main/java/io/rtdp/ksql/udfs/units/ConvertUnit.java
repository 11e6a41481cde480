package io.rtdp.ksql.udfs.units;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "CONVERT_UNIT", category = "MATHEMATICAL", author = "rtdp", version = "1.0",
    description = "Converts a measurement between units of the same quantity: temperature (C, F, K), pressure"
        + " (PA, HPA, KPA, BAR, PSI), length (MM, CM, M, KM, IN, FT, MI) and speed (MPS, KPH, MPH). Unit names are"
        + " case-insensitive. NULL in, NULL out; an unknown unit or units of different quantities is an error"
        + " (the processing log records it and the result is NULL).")
public final class ConvertUnit {
  @Udf(description = "The value expressed in the target unit.")
  public Double convertUnit(
      @UdfParameter(value = "value", description = "the measurement") Double value,
      @UdfParameter(value = "fromUnit", description = "the unit the value is in") String fromUnit,
      @UdfParameter(value = "toUnit", description = "the unit wanted") String toUnit) {
    if (value == null || fromUnit == null || toUnit == null) {
      return null;
    }
    Unit from = Unit.named(fromUnit);
    Unit to = Unit.named(toUnit);
    if (from.quantity() != to.quantity()) {
      throw new IllegalArgumentException("Cannot convert " + from.quantity().name().toLowerCase()
          + " (" + fromUnit + ") to " + to.quantity().name().toLowerCase() + " (" + toUnit + ")");
    }
    return to.fromBase(from.toBase(value));
  }
}
