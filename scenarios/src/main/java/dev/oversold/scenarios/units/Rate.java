package dev.oversold.scenarios.units;

import java.math.BigDecimal;

/** Events per second, written {@code 20/s}. */
public record Rate(BigDecimal perSecond) {
  private static final BigDecimal MAX = new BigDecimal("1e12");

  public static Rate parse(String text) throws UnitException {
    Quantities.Split split = Quantities.split(text, Units.RATE_UNITS);
    if (!split.unit().equals("/s")) {
      String what = split.unit().isEmpty() ? "has no unit" : "is not a rate per second";
      throw new UnitException(
          "'" + Quantities.abbreviate(text.strip()) + "' " + what, Units.RATE_UNITS);
    }
    Quantities.checkAtMost(split.number(), MAX, text, "at most 1e12/s");
    return new Rate(split.number());
  }

  public static Rate of(double perSecond) {
    return new Rate(new BigDecimal(Double.toString(perSecond)));
  }

  public double value() {
    return perSecond.doubleValue();
  }
}
