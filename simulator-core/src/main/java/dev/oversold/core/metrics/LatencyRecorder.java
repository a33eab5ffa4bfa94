package dev.oversold.core.metrics;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.result.LatencyHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Streaming latency statistics: an HdrHistogram at microsecond resolution with three significant
 * digits (quantiles within 0.1%), plus the exact count, sum and maximum. Memory depends on the
 * range of values seen, never on how many were recorded. The histogram is made on the first record:
 * even an empty one holds a 2,048-count array (16 KiB), and a tenant that never serves a request
 * (idle, batch) keeps three recorders. HdrHistogram's packed form would also shrink a web tenant's
 * 16-32 KiB arrays, but every quantile read walks its counts several times slower, and the metrics
 * sampler reads two quantiles of every tenant each interval.
 */
public final class LatencyRecorder {
  private @Nullable Histogram histogram;
  private long count;
  private double sumNanos;
  private long maxNanos;
  private long minNanos = Long.MAX_VALUE;

  public void record(long latencyNanos) {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("negative latency " + latencyNanos);
    }
    Histogram h = histogram;
    if (h == null) {
      h = new Histogram(3);
      histogram = h;
    }
    h.recordValue(Math.max(1, (latencyNanos + 999) / 1000));
    count++;
    sumNanos += latencyNanos;
    maxNanos = Math.max(maxNanos, latencyNanos);
    minNanos = Math.min(minNanos, latencyNanos);
  }

  public long count() {
    return count;
  }

  /** Exact mean in milliseconds, or NaN when empty. */
  public double meanMillis() {
    return count == 0 ? Double.NaN : sumNanos / count / SimTime.MILLISECOND;
  }

  /** Exact maximum in milliseconds, or NaN when empty. */
  public double maxMillis() {
    return count == 0 ? Double.NaN : SimTime.toMillis(maxNanos);
  }

  /** Exact minimum in milliseconds, or NaN when empty. */
  public double minMillis() {
    return count == 0 ? Double.NaN : SimTime.toMillis(minNanos);
  }

  /**
   * The {@code quantile} (in [0, 1]) in milliseconds, as HdrHistogram reports it (the highest value
   * equivalent to the bucket holding that rank, capped at the exact maximum), or NaN when empty.
   */
  public double quantileMillis(double quantile) {
    Histogram h = histogram;
    if (count == 0 || h == null) {
      return Double.NaN;
    }
    double micros = h.getValueAtPercentile(quantile * 100);
    return Math.min(micros / 1000.0, maxMillis());
  }

  /** The latencies recorded so far, kept for pooling with other tenants'. */
  public LatencyHistogram snapshot() {
    Histogram h = histogram;
    return h == null ? LatencyHistogram.EMPTY : LatencyHistogram.of(h, maxMillis());
  }

  /** Forgets everything recorded: the next sample interval starts empty. */
  public void reset() {
    Histogram h = histogram;
    if (h != null) {
      h.reset();
    }
    count = 0;
    sumNanos = 0;
    maxNanos = 0;
    minNanos = Long.MAX_VALUE;
  }
}
