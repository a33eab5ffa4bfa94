package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Splits {@code 1.5GiB} into an exact decimal number and a unit, and looks units up. Numbers are
 * parsed as {@link BigDecimal} so that a value written by the scenario writer loads back to the
 * very same double, and so that overflow is detected before any conversion.
 */
final class Quantities {
  /** Longest number text accepted: far beyond any real value, short enough to stay cheap. */
  static final int MAX_NUMBER_CHARS = 40;

  /** Exponents are limited so that {@code 1e999999999} cannot make arithmetic expensive. */
  private static final int MAX_EXPONENT_DIGITS = 3;

  private Quantities() {}

  /** A number and the unit text after it (possibly empty). */
  record Split(BigDecimal number, String unit) {}

  static Split split(String text, String expected) throws UnitException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new UnitException("empty value", expected);
    }
    int numberEnd = numberEnd(trimmed);
    if (numberEnd < 0 || !unitFitsOnOneLine(trimmed, numberEnd)) {
      throw new UnitException(
          "'" + abbreviate(trimmed) + "' is not a number with a unit", expected);
    }
    String number = trimmed.substring(0, numberEnd);
    if (number.length() > MAX_NUMBER_CHARS) {
      throw new UnitException("number '" + abbreviate(number) + "' is too long", expected);
    }
    BigDecimal value = new BigDecimal(number);
    if (value.signum() < 0) {
      throw new UnitException("'" + abbreviate(trimmed) + "' is negative", expected);
    }
    return new Split(value, trimmed.substring(numberEnd).strip());
  }

  /*
   * The scan below accepts what the regular expression
   * ([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?)\s*(.*) matched in full, and splits where
   * it split (QuantitiesProperties checks both against each other): the number is the longest
   * prefix of that form, and the rest (after the whitespace that \s takes, which includes line
   * feeds) must hold no line terminator, since '.' matches none. Hand-written because a regular
   * expression runs interpreted in a short-lived process (issue 16, docs/performance.md).
   */

  /** The end of the number at the start of {@code text}, or -1 if it starts with none. */
  static int numberEnd(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = skipDigits(text, i, Integer.MAX_VALUE);
    if (digits > i) {
      i = digits;
      if (i < n && text.charAt(i) == '.') {
        i = skipDigits(text, i + 1, Integer.MAX_VALUE);
      }
    } else if (i < n && text.charAt(i) == '.' && skipDigits(text, i + 1, 1) > i + 1) {
      i = skipDigits(text, i + 1, Integer.MAX_VALUE);
    } else {
      return -1;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
        j++;
      }
      int exponentEnd = skipDigits(text, j, MAX_EXPONENT_DIGITS);
      if (exponentEnd > j) {
        i = exponentEnd;
      }
    }
    return i;
  }

  /** The index after at most {@code max} ASCII digits from {@code from} (regex {@code \d}). */
  private static int skipDigits(String text, int from, int max) {
    int i = from;
    int n = text.length();
    while (i < n && i - from < max && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** Whether the text after the number and the regex {@code \s*} holds no line terminator. */
  private static boolean unitFitsOnOneLine(String text, int from) {
    int n = text.length();
    int i = from;
    while (i < n && isRegexSpace(text.charAt(i))) {
      i++;
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** The characters of the regex class {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
