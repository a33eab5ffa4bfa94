package dev.oversold.scenarios.units;

import java.math.BigDecimal;

/**
 * Bytes per second, written as a byte rate ({@code 500MB/s}) or a bit rate ({@code 1Gbit/s}, 8 bits
 * a byte, decimal prefixes as line rates are quoted).
 */
public record ByteRate(BigDecimal bytesPerSecond) {
  /** 1 EB/s: beyond any device, far below where doubles lose whole bytes. */
  private static final BigDecimal MAX = new BigDecimal("1e18");

  public static ByteRate parse(String text) throws UnitException {
    Quantities.Split split = Quantities.split(text, Units.BYTE_RATE_UNITS);
    String unit = split.unit();
    if (!unit.endsWith("/s")) {
      String what = unit.isEmpty() ? "has no unit" : "is not a rate per second";
      throw new UnitException(
          "'" + Quantities.abbreviate(text.strip()) + "' " + what, Units.BYTE_RATE_UNITS);
    }
    Quantities.Split perSecond =
        new Quantities.Split(split.number(), unit.substring(0, unit.length() - 2).strip());
    BigDecimal factor = Units.BYTES.get(perSecond.unit());
    if (factor == null) {
      factor = Quantities.factor(Units.BITS, perSecond, text, Units.BYTE_RATE_UNITS);
    }
    BigDecimal value = split.number().multiply(factor);
    Quantities.checkAtMost(value, MAX, text, "at most 1000PB/s");
    return new ByteRate(value);
  }

  public static ByteRate of(double bytesPerSecond) {
    return new ByteRate(new BigDecimal(Double.toString(bytesPerSecond)));
  }

  public double value() {
    return bytesPerSecond.doubleValue();
  }
}
