package dev.oversold.core.metrics;

import dev.oversold.core.engine.SimTime;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Streaming distribution of waits that are often exactly zero (a wake-up that found a core at
 * once): an HdrHistogram in nanoseconds with three significant digits, so a zero stays zero and a
 * quantile is within 0.1% of the recorded value, plus the exact maximum. Unlike {@link
 * LatencyRecorder} it keeps no microsecond floor, because the median wait is usually zero. Like
 * {@link LatencyRecorder}, it makes the histogram (16 KiB even when empty) on the first record.
 */
public final class DelayRecorder {
  private @Nullable Histogram histogram;
  private long maxNanos;

  public void record(long delayNanos) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos);
    }
    Histogram h = histogram;
    if (h == null) {
      h = new Histogram(3);
      histogram = h;
    }
    h.recordValue(delayNanos);
    maxNanos = Math.max(maxNanos, delayNanos);
  }

  public long count() {
    Histogram h = histogram;
    return h == null ? 0 : h.getTotalCount();
  }

  /**
   * The {@code quantile} (in [0, 1]) in milliseconds: the value of the bucket holding that rank,
   * capped at the exact maximum; 0 when nothing was recorded (no wake-up waited).
   */
  public double quantileMillis(double quantile) {
    Histogram h = histogram;
    if (h == null || h.getTotalCount() == 0) {
      return 0;
    }
    long nanos = Math.min(h.getValueAtPercentile(quantile * 100), maxNanos);
    return SimTime.toMillis(nanos);
  }
}
