package dev.oversold.report.rendering;

import dev.oversold.report.model.Metrics;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting for every writer, independent of the default locale (a German desktop must not
 * turn 0.5 into 0,5 in a CSV file). NaN means "not defined" and prints as null or "-".
 */
public final class Numbers {
  /** Significant digits kept in machine-readable output: far beyond what the model resolves. */
  private static final int SIGNIFICANT = 9;

  private Numbers() {}

  /**
   * A JSON/CSV number: 9 significant digits but never fewer than the integer digits (byte counts
   * stay exact), no exponent, no trailing zeros; null if undefined.
   */
  public static String machine(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    BigDecimal exact = BigDecimal.valueOf(value);
    int integerDigits = exact.precision() - exact.scale();
    MathContext context =
        new MathContext(Math.max(SIGNIFICANT, integerDigits), RoundingMode.HALF_EVEN);
    BigDecimal rounded = exact.round(context).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.toPlainString();
  }

  /** Fixed decimals for people; "-" if undefined. */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "-";
    }
    // String.format(Locale.ROOT, "%." + decimals + "f", value), character for character
    String text = FixedDecimals.format(value, decimals);
    // -0.0 rounds to "-0.0": a sign with no magnitude only confuses readers
    return isNegativeZero(text) ? text.substring(1) : text;
  }

  /**
   * Whether {@code text} is "-0", "-0." or "-0.00...": what the regex {@code -0(\.0*)?} matches,
   * checked by hand because compiling that regex on every call was a tenth of a large report's HTML
   * time (docs/performance.md, peer2).
   */
  static boolean isNegativeZero(String text) {
    if (!text.startsWith("-0")) {
      return false;
    }
    if (text.length() == 2) {
      return true;
    }
    if (text.charAt(2) != '.') {
      return false;
    }
    for (int i = 3; i < text.length(); i++) {
      if (text.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** A fraction as a percentage with one decimal, e.g. 0.1234 -> "12.3"; "-" if undefined. */
  public static String percent(double fraction) {
    return fixed(fraction * 100, 1);
  }

  /**
   * A rate in a workload's own unit for people: bytes in decimal units as disks and links count
   * them ("68.5 MB/s"), other units spelled out ("3.51 core-seconds/s"); "-" if undefined or the
   * unit is {@link Metrics#MIXED_UNITS}.
   */
  public static String rate(double perSecond, String unit) {
    if (!Double.isFinite(perSecond) || unit.equals(Metrics.MIXED_UNITS)) {
      return "-";
    }
    if (!unit.equals("bytes")) {
      return fixed(perSecond, 2) + " " + unit + "/s";
    }
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = perSecond;
    int at = 0;
    while (Math.abs(value) >= 1000 && at < units.length - 1) {
      value /= 1000;
      at++;
    }
    return fixed(value, 1) + " " + units[at] + "/s";
  }

  /** Bytes in binary units for people: "512.0 MiB". */
  public static String bytes(double bytes) {
    if (!Double.isFinite(bytes)) {
      return "-";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (Math.abs(value) >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return fixed(value, unit == 0 ? 0 : 1) + " " + units[unit];
  }
}
