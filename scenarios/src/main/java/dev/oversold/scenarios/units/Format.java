package dev.oversold.scenarios.units;

import dev.oversold.core.engine.SimTime;
import java.math.BigDecimal;

/**
 * Writes quantities back as text that parses to the same value: the largest unit that divides the
 * value exactly, numbers in plain decimal notation.
 */
public final class Format {
  private Format() {}

  /** {@code 1.5}, {@code 20}, never {@code 2E+1}. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    String plain = stripped.toPlainString();
    // Very large or small values in scientific form, which every parser here accepts.
    return plain.length() > 24 ? stripped.toString().replace("+", "") : plain;
  }

  /** The shortest decimal of a double that reads back as the same double. */
  public static String plain(double value) {
    return plain(new BigDecimal(Double.toString(value)));
  }

  public static String duration(long nanos) {
    long[] factors = {SimTime.DAY, SimTime.HOUR, SimTime.MINUTE, SimTime.SECOND};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < factors.length; i++) {
      if (nanos != 0 && nanos % factors[i] == 0) {
        return nanos / factors[i] + names[i];
      }
    }
    if (nanos % SimTime.MILLISECOND == 0) {
      return nanos / SimTime.MILLISECOND + "ms";
    }
    if (nanos % SimTime.MICROSECOND == 0) {
      return nanos / SimTime.MICROSECOND + "us";
    }
    return nanos + "ns";
  }

  /** Seconds (a double) as a duration that parses back to the same double. */
  public static String seconds(double seconds) {
    return plain(seconds) + "s";
  }

  public static String bytes(long bytes) {
    long[] factors = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
    String[] names = {"TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < factors.length; i++) {
      if (bytes != 0 && bytes % factors[i] == 0) {
        return bytes / factors[i] + names[i];
      }
    }
    return bytes + "B";
  }

  public static String byteRate(double bytesPerSecond) {
    return plain(bytesPerSecond) + "B/s";
  }

  public static String rate(double perSecond) {
    return plain(perSecond) + "/s";
  }

  public static String percent(double fraction) {
    return Percent.ofFraction(fraction).text();
  }
}
