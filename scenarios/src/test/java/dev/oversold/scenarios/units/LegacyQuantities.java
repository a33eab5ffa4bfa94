package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Quantities#split} as it was written before the hand-written scan: one regular expression.
 * Kept as the independent implementation {@link QuantitiesProperties} checks the scan against,
 * message for message.
 */
final class LegacyQuantities {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?)\\s*(.*)");

  private LegacyQuantities() {}

  static Quantities.Split split(String text, String expected) throws UnitException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new UnitException("empty value", expected);
    }
    Matcher matcher = QUANTITY.matcher(trimmed);
    if (!matcher.matches()) {
      throw new UnitException(
          "'" + Quantities.abbreviate(trimmed) + "' is not a number with a unit", expected);
    }
    String number = matcher.group(1);
    if (number.length() > Quantities.MAX_NUMBER_CHARS) {
      throw new UnitException(
          "number '" + Quantities.abbreviate(number) + "' is too long", expected);
    }
    BigDecimal value = new BigDecimal(number);
    if (value.signum() < 0) {
      throw new UnitException("'" + Quantities.abbreviate(trimmed) + "' is negative", expected);
    }
    return new Quantities.Split(value, matcher.group(2).strip());
  }
}
