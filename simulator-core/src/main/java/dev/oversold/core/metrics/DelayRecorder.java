package dev.oversold.core.metrics;

import dev.oversold.core.engine.SimTime;
import org.HdrHistogram.Histogram;

/**
 * Streaming distribution of waits that are often exactly zero (a wake-up that found a core at
 * once): an HdrHistogram in nanoseconds with three significant digits, so a zero stays zero and a
 * quantile is within 0.1% of the recorded value, plus the exact maximum. Unlike {@link
 * LatencyRecorder} it keeps no microsecond floor, because the median wait is usually zero.
 */
public final class DelayRecorder {
  private final Histogram histogram = new Histogram(3);
  private long maxNanos;

  public void record(long delayNanos) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos);
    }
    histogram.recordValue(delayNanos);
    maxNanos = Math.max(maxNanos, delayNanos);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /**
   * The {@code quantile} (in [0, 1]) in milliseconds: the value of the bucket holding that rank,
   * capped at the exact maximum; 0 when nothing was recorded (no wake-up waited).
   */
  public double quantileMillis(double quantile) {
    if (count() == 0) {
      return 0;
    }
    long nanos = Math.min(histogram.getValueAtPercentile(quantile * 100), maxNanos);
    return SimTime.toMillis(nanos);
  }
}
