package dev.oversold.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Simulated time is a {@code long} count of nanoseconds since the start of a run. This class holds
 * the unit constants and the few conversions the models need; nothing in the clock is a double.
 */
public final class SimTime {
  public static final long NANOSECOND = 1L;
  public static final long MICROSECOND = 1_000L;
  public static final long MILLISECOND = 1_000_000L;
  public static final long SECOND = 1_000_000_000L;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;
  public static final long DAY = 24 * HOUR;

  /** Stands for "never": later than any reachable simulated instant. */
  public static final long NEVER = Long.MAX_VALUE;

  private SimTime() {}

  /** Seconds as a double, for rates and reports (never for ordering). */
  public static double toSeconds(long nanos) {
    return nanos / (double) SECOND;
  }

  /** Milliseconds as a double, for reports. */
  public static double toMillis(long nanos) {
    return nanos / (double) MILLISECOND;
  }

  /**
   * The smallest whole nanosecond count that is at least {@code seconds}: event times round up, so
   * that a completion event never fires before the work it waits for is done.
   */
  public static long ceilNanos(double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("negative or NaN duration: " + seconds + " s");
    }
    double nanos = Math.ceil(seconds * SECOND);
    return nanos >= (double) NEVER ? NEVER : (long) nanos;
  }

  /** Nanoseconds nearest to {@code seconds}, for values read from scenario files. */
  public static long roundNanos(double seconds) {
    double nanos = Math.rint(seconds * SECOND);
    if (!(Math.abs(nanos) < (double) NEVER)) {
      throw new IllegalArgumentException("duration out of range: " + seconds + " s");
    }
    return (long) nanos;
  }

  /**
   * {@link #roundNanos} for a step derived from a rate, saturating at {@link #NEVER} instead of
   * failing: a rate so low that one step lasts past the end of time (2^63 ns, about 292 years) has
   * no next step within any run.
   */
  public static long roundNanosOrNever(double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("negative or NaN duration: " + seconds + " s");
    }
    double nanos = Math.rint(seconds * SECOND);
    return nanos >= (double) NEVER ? NEVER : (long) nanos;
  }

  /** Saturating addition: an instant plus a delay, capped at {@link #NEVER}. */
  public static long plus(long instant, long delay) {
    long sum = instant + delay;
    return ((instant ^ sum) & (delay ^ sum)) < 0 ? NEVER : sum;
  }

  /** A compact human form such as {@code 1.5s}, {@code 250ms} or {@code 2m}, locale-independent. */
  public static String format(long nanos) {
    if (nanos == NEVER) {
      return "never";
    }
    long abs = Math.abs(nanos);
    if (abs != 0 && abs % HOUR == 0) {
      return nanos / HOUR + "h";
    }
    if (abs != 0 && abs % MINUTE == 0) {
      return nanos / MINUTE + "m";
    }
    if (abs >= SECOND) {
      return decimal(nanos, SECOND) + "s";
    }
    if (abs >= MILLISECOND) {
      return decimal(nanos, MILLISECOND) + "ms";
    }
    if (abs >= MICROSECOND) {
      return decimal(nanos, MICROSECOND) + "us";
    }
    return nanos + "ns";
  }

  private static String decimal(long nanos, long unit) {
    return BigDecimal.valueOf(nanos)
        .divide(BigDecimal.valueOf(unit), 3, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
