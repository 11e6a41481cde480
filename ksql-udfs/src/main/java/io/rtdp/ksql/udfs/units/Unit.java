package io.rtdp.ksql.udfs.units;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A unit as an affine map to its quantity's base unit (kelvin, pascal, metre, metre per second). */
enum Unit {
  C(Quantity.TEMPERATURE, 1, 273.15),
  F(Quantity.TEMPERATURE, 5.0 / 9.0, 273.15 - 32 * 5.0 / 9.0),
  K(Quantity.TEMPERATURE, 1, 0),
  PA(Quantity.PRESSURE, 1, 0),
  HPA(Quantity.PRESSURE, 100, 0),
  KPA(Quantity.PRESSURE, 1000, 0),
  BAR(Quantity.PRESSURE, 100_000, 0),
  PSI(Quantity.PRESSURE, 6894.757293168, 0),
  MM(Quantity.LENGTH, 0.001, 0),
  CM(Quantity.LENGTH, 0.01, 0),
  M(Quantity.LENGTH, 1, 0),
  KM(Quantity.LENGTH, 1000, 0),
  IN(Quantity.LENGTH, 0.0254, 0),
  FT(Quantity.LENGTH, 0.3048, 0),
  MI(Quantity.LENGTH, 1609.344, 0),
  MPS(Quantity.SPEED, 1, 0),
  KPH(Quantity.SPEED, 1 / 3.6, 0),
  MPH(Quantity.SPEED, 0.44704, 0);

  enum Quantity { TEMPERATURE, PRESSURE, LENGTH, SPEED }

  private final Quantity quantity;
  private final double scale;
  private final double offset;

  Unit(Quantity quantity, double scale, double offset) {
    this.quantity = quantity;
    this.scale = scale;
    this.offset = offset;
  }

  Quantity quantity() {
    return quantity;
  }

  double toBase(double value) {
    return value * scale + offset;
  }

  double fromBase(double base) {
    return (base - offset) / scale;
  }

  static Unit named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown unit '" + name + "'; known units: "
          + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")), e);
    }
  }
}
