package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fast path of {@link FixedDecimals} against the independent implementation it
 * replaces, {@code String.format(Locale.ROOT, "%.Nf", v)} on the running JDK: 300 tries of 4,000
 * doubles each (1.2 million), every decimal count 0..9, drawn to sit on or beside the ties (k +
 * 1/2) / 10^N that the formatter rounds from its decimal digits, the classic near-ties 0.15, 2.675
 * and 1.005, carries into a new digit (9.95, 99.995), the edge of the fast path's margin, signs and
 * -0.0, subnormal, huge and raw random bit patterns (NaN and infinities included).
 */
final class FixedDecimalsProperties {
  private static final int BATCH = 4_000;

  @Property(tries = 300)
  void fastPath_writesWhatStringFormatWrites(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int fast = 0;
    for (int i = 0; i < BATCH; i++) {
      int decimals = i % (FixedDecimals.MAX_DECIMALS + 1);
      double value = draw(random, decimals);
      String expected = FixedDecimals.slow(value, decimals);
      String text = FixedDecimals.fast(value, decimals, FixedDecimals.MARGIN);
      if (text != null) {
        fast++;
        assertEquals(expected, text, () -> value + " with " + decimals + " decimals");
      }
      assertEquals(expected, FixedDecimals.format(value, decimals));
    }
    // The draws aim at the hard cases, yet most must still take the fast path, or the property
    // would compare the formatter with itself.
    assertTrue(fast > BATCH / 4, "fast path taken " + fast + " times of " + BATCH);
  }

  /**
   * The property can fail: with no margin at all (a fraction a hair below one half is trusted) the
   * same draws find a value whose formatted digits differ, e.g. 1.005 (1.00499999999999989... in
   * binary, 100.49999999999999 after scaling) which the formatter rounds from its digits "1.005" up
   * to "1.01".
   */
  @Test
  void withoutAMargin_theDrawsFindAMismatch() {
    assertEquals("1.01", FixedDecimals.slow(1.005, 2));
    assertEquals("1.00", FixedDecimals.fast(1.005, 2, 0.0));
    SplittableRandom random = new SplittableRandom(16);
    int mismatches = 0;
    for (int i = 0; i < 20 * BATCH; i++) {
      int decimals = i % (FixedDecimals.MAX_DECIMALS + 1);
      double value = draw(random, decimals);
      String text = FixedDecimals.fast(value, decimals, 0.0);
      if (text != null && !text.equals(FixedDecimals.slow(value, decimals))) {
        mismatches++;
      }
    }
    assertTrue(mismatches > 0, "a margin of zero went unnoticed");
  }

  @Test
  void handPicked() {
    // hand-checked against the formatter's rules: half-up from the decimal digits, sign kept
    assertEquals("0.2", FixedDecimals.format(0.15, 1));
    assertEquals("2.68", FixedDecimals.format(2.675, 2));
    assertEquals("-0.0", FixedDecimals.format(-0.0, 1));
    assertEquals("-0.0", FixedDecimals.format(-0.01, 1));
    assertEquals("10.0", FixedDecimals.format(9.96, 1));
    assertEquals("3", FixedDecimals.format(2.6, 0));
    assertEquals("0.000000001", FixedDecimals.format(1e-9, 9));
    assertEquals("1234.50", FixedDecimals.format(1234.5, 2));
    assertEquals("NaN", FixedDecimals.format(Double.NaN, 2));
    assertEquals("-Infinity", FixedDecimals.format(Double.NEGATIVE_INFINITY, 1));
  }

  /** One double aimed at a hard case for {@code decimals} decimals, signed at random. */
  private static double draw(SplittableRandom random, int decimals) {
    double scale = Math.pow(10, decimals);
    double value;
    switch (random.nextInt(9)) {
      case 0 -> {
        // a tie (k + 1/2) / 10^N with k of any size up to past the fast path's limit
        long k = random.nextLong(1L << random.nextInt(1, 50));
        value = (k + 0.5) / scale;
      }
      case 1 -> {
        double[] near = {0.15, 2.675, 1.005, 0.125, 0.05, 0.45, 1.45, 8.345, 0.0005, 1e-5, 5e-10};
        value = near[random.nextInt(near.length)];
      }
      case 2 -> {
        // carries into a new digit: 10^j minus half a unit of the last decimal
        value = Math.pow(10, random.nextInt(-3, 15)) - 0.5 / scale;
      }
      case 3 -> {
        // on the fast path's margin: a tie moved by a few margins either way
        double tie = random.nextLong(1L << random.nextInt(1, 47)) + 0.5;
        double step = tie * FixedDecimals.MARGIN * random.nextInt(-4, 5);
        value = (tie + step) / scale;
      }
      case 4 -> value = Double.longBitsToDouble(random.nextLong());
      case 5 -> value = Math.pow(10, random.nextDouble(-12, 16));
      case 6 -> value = random.nextDouble() * 1000;
      case 7 -> {
        double[] edge = {
          0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0x1p46 / scale
        };
        value = edge[random.nextInt(edge.length)];
      }
      default -> value = random.nextInt(100_000) / scale;
    }
    // a few ulps either side of the aim
    int ulps = random.nextInt(-3, 4);
    for (; ulps > 0; ulps--) {
      value = Math.nextUp(value);
    }
    for (; ulps < 0; ulps++) {
      value = Math.nextDown(value);
    }
    return random.nextBoolean() ? -value : value;
  }
}
