package dev.oversold.scenarios.units;

import java.math.BigDecimal;

/** A percentage ({@code 50%}), held as the exact fraction (0.5). */
public record Percent(BigDecimal fraction) {
  private static final BigDecimal MAX = new BigDecimal("1e6");

  public static Percent parse(String text) throws UnitException {
    Quantities.Split split = Quantities.split(text, Units.PERCENT_UNITS);
    if (!split.unit().equals("%")) {
      String what = split.unit().isEmpty() ? "has no unit" : "is not a percentage";
      throw new UnitException(
          "'" + Quantities.abbreviate(text.strip()) + "' " + what, Units.PERCENT_UNITS);
    }
    BigDecimal fraction = split.number().movePointLeft(2);
    Quantities.checkAtMost(fraction, MAX, text, "at most 100000000%");
    return new Percent(fraction);
  }

  public static Percent ofFraction(double fraction) {
    return new Percent(new BigDecimal(Double.toString(fraction)));
  }

  public double value() {
    return fraction.doubleValue();
  }

  /** The text that parses back to this exact fraction, e.g. {@code 50%}. */
  public String text() {
    return Format.plain(fraction.movePointRight(2)) + "%";
  }
}
