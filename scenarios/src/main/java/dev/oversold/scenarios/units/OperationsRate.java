package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Operations per second, written plain ({@code 200}) or as a rate ({@code 200/s}): the one unit of
 * an operations rate is "per second", so the plain number is unambiguous and both are accepted
 * wherever such a rate is asked for (disk {@code iops}, {@code iops-limit}, rate knobs).
 */
public final class OperationsRate {
  private static final Pattern PLAIN =
      Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?([eE][-+]?\\d{1,3})?");
  private static final BigDecimal MAX = new BigDecimal("1e12");

  private OperationsRate() {}

  public static double parse(String text) throws UnitException {
    String trimmed = text.strip();
    if (PLAIN.matcher(trimmed).matches()) {
      BigDecimal value = new BigDecimal(trimmed);
      Quantities.checkAtMost(value, MAX, text, "at most 1e12/s");
      return value.doubleValue();
    }
    return Rate.parse(text).value();
  }
}
