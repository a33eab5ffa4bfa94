package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A span of time written with a unit ({@code 250ms}, {@code 1.5s}, {@code 10m}), held exactly in
 * seconds; at most what a {@code long} of nanoseconds holds (about 292 years).
 */
public record TimeSpan(BigDecimal seconds) {
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal MAX_SECONDS =
      BigDecimal.valueOf(Long.MAX_VALUE).divide(NANOS_PER_SECOND);

  public static TimeSpan parse(String text) throws UnitException {
    Quantities.Split split = Quantities.split(text, Units.TIME_UNITS);
    BigDecimal seconds =
        split.number().multiply(Quantities.factor(Units.TIME, split, text, Units.TIME_UNITS));
    Quantities.checkAtMost(seconds, MAX_SECONDS, text, "at most 106751d");
    return new TimeSpan(seconds);
  }

  public static TimeSpan ofNanos(long nanos) {
    return new TimeSpan(BigDecimal.valueOf(nanos).divide(NANOS_PER_SECOND));
  }

  public static TimeSpan ofSeconds(double seconds) {
    return new TimeSpan(new BigDecimal(Double.toString(seconds)));
  }

  /** Nanoseconds, rounded to the nearest. */
  public long nanos() {
    return seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** Seconds as the double nearest to the exact value. */
  public double secondsValue() {
    return seconds.doubleValue();
  }
}
