package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits {@code 1.5GiB} into an exact decimal number and a unit, and looks units up. Numbers are
 * parsed as {@link BigDecimal} so that a value written by the scenario writer loads back to the
 * very same double, and so that overflow is detected before any conversion.
 */
final class Quantities {
  /** Longest number text accepted: far beyond any real value, short enough to stay cheap. */
  static final int MAX_NUMBER_CHARS = 40;

  /** Exponents are limited so that {@code 1e999999999} cannot make arithmetic expensive. */
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?)\\s*(.*)");

  private Quantities() {}

  /** A number and the unit text after it (possibly empty). */
  record Split(BigDecimal number, String unit) {}

  static Split split(String text, String expected) throws UnitException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new UnitException("empty value", expected);
    }
    Matcher matcher = QUANTITY.matcher(trimmed);
    if (!matcher.matches()) {
      throw new UnitException(
          "'" + abbreviate(trimmed) + "' is not a number with a unit", expected);
    }
    String number = matcher.group(1);
    if (number.length() > MAX_NUMBER_CHARS) {
      throw new UnitException("number '" + abbreviate(number) + "' is too long", expected);
    }
    BigDecimal value = new BigDecimal(number);
    if (value.signum() < 0) {
      throw new UnitException("'" + abbreviate(trimmed) + "' is negative", expected);
    }
    return new Split(value, matcher.group(2).strip());
  }

  /**
   * The factor of the split's unit, or an error naming the accepted units. Units are
   * case-sensitive: 1m is a minute, 1M would be ambiguous.
   */
  static BigDecimal factor(Map<String, BigDecimal> units, Split split, String text, String expected)
      throws UnitException {
    if (split.unit().isEmpty()) {
      throw new UnitException("'" + abbreviate(text.strip()) + "' has no unit", expected);
    }
    BigDecimal factor = units.get(split.unit());
    if (factor == null) {
      throw new UnitException("unknown unit '" + abbreviate(split.unit()) + "'", expected);
    }
    return factor;
  }

  /** Throws when {@code value} exceeds {@code max} (both in the canonical unit). */
  static void checkAtMost(BigDecimal value, BigDecimal max, String text, String expected)
      throws UnitException {
    if (value.compareTo(max) > 0) {
      throw new UnitException("'" + abbreviate(text.strip()) + "' is too large", expected);
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
