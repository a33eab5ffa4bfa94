package dev.oversold.report.rendering;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", v)} for 0..9 decimals, with the same characters on the
 * running JDK, but without a {@link java.util.Formatter} for the common case (a chart coordinate or
 * a table figure): the formatter was a large share of a big report's rendering time
 * (docs/performance.md, peer2 and fmt1).
 *
 * <p>What the formatter does: it takes a decimal digit string D that reads back as v (Java 17:
 * FloatingDecimal's digits; newer JDKs: Double.toString's shortest digits), and rounds D half-up
 * (away from zero) at N decimals; the sign is printed for every negative v and for -0.0, even when
 * the digits round to zero ("-0.0").
 *
 * <p>The fast path: s = |v| * 10^N in double; if s is below 2^46 and its fractional part f is more
 * than {@code s * 2^-48} away from one half, the result is round(s) written by hand. Why that
 * cannot differ from the formatter: 10^N (N at most 9) is exact in a double, so the product's only
 * error is its rounding, |s - |v| 10^N| <= s 2^-53. D reads back as v, so it lies within half an
 * ulp of v: |D - |v|| <= |v| 2^-53 for a normal v, i.e. |D 10^N - |v| 10^N| <= |v| 10^N 2^-53 (a
 * subnormal v has s below 1e-298, f = s, so f is half a unit away from one half and the absolute
 * error is below 1e-300). Hence |D 10^N - s| <= s 2^-52 (1 + 2^-52), well below the margin s 2^-48
 * (16 times more). The fractional part f = s - floor(s) is exact (s < 2^52), and so is f - 1/2 for
 * f >= 1/4 (Sterbenz); below 1/4, |f - 1/2| still comes out at least 1/4, which is at least the
 * margin (s < 2^46), so such an f is never wrongly sent to the slow path nor wrongly kept. So when
 * |f - 1/2| exceeds the margin, no rounding boundary k + 1/2 lies between D 10^N and s (or on D
 * 10^N), and half-up rounding of D at N decimals gives the integer nearest to s: the digit count
 * then follows from that integer, so a carry into a new digit (9.96 -> "10.0") needs no special
 * case. Everything else (values near a tie such as 0.15, 2.675 or 1.005, huge values, NaN and
 * infinities) goes to the formatter. {@code FixedDecimalsProperties} compares the two over millions
 * of doubles aimed at the ties.
 */
final class FixedDecimals {
  /** Most decimals the fast path takes (every power of ten up to 10^22 is exact in a double). */
  static final int MAX_DECIMALS = 9;

  private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  private static final long[] LONG_POWERS = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  /**
   * Scaled values the fast path takes are below 2^46 (7e13): there the margin s 2^-48 stays below
   * 1/4, so a fraction near 0 or 1 is still told from one half.
   */
  private static final double LIMIT = 0x1p46;

  /**
   * Relative margin around a tie, 2^-48: 16 times the bound s 2^-52 (1 + 2^-52) derived above. Any
   * margin below that bound is unsafe, which {@code FixedDecimalsProperties} shows with one.
   */
  static final double MARGIN = 0x1p-48;

  private FixedDecimals() {}

  /** Exactly {@code String.format(Locale.ROOT, "%." + decimals + "f", value)}. */
  static String format(double value, int decimals) {
    String text = fast(value, decimals, MARGIN);
    return text != null ? text : slow(value, decimals);
  }

  /**
   * The fast path with a given margin (the tests try a wrong one); null where it declines and the
   * formatter must answer.
   */
  static @Nullable String fast(double value, int decimals, double margin) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      return null;
    }
    double scaled = Math.abs(value) * POWERS[decimals];
    // false for NaN and infinities too
    if (!(scaled < LIMIT)) {
      return null;
    }
    double whole = Math.floor(scaled);
    double fraction = scaled - whole;
    if (!(Math.abs(fraction - 0.5) > scaled * margin)) {
      return null;
    }
    long rounded = (long) whole + (fraction > 0.5 ? 1 : 0);
    // Double.compare: -0.0 counts as negative, as in the formatter's sign test
    return digits(Double.compare(value, 0.0) < 0, rounded, decimals);
  }

  /** The formatter itself: the fall-back and the tests' reference. */
  static String slow(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** {@code units / 10^decimals} with exactly {@code decimals} decimals, a sign if negative. */
  private static String digits(boolean negative, long units, int decimals) {
    StringBuilder text = new StringBuilder(24);
    if (negative) {
      text.append('-');
    }
    long power = LONG_POWERS[decimals];
    text.append(units / power);
    if (decimals > 0) {
      text.append('.');
      String fraction = Long.toString(units % power);
      for (int i = fraction.length(); i < decimals; i++) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text.toString();
  }
}
