package dev.oversold.core.metrics;

import dev.oversold.core.engine.SimTime;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The latencies of one sample interval (the time series' per-interval p50 and p99), reporting
 * exactly what a {@link LatencyRecorder} fed the same values would: HdrHistogram's bucket value at
 * three significant digits in microseconds, capped at the exact maximum.
 *
 * <p>A web tenant completes a handful of requests per interval, so the recorder keeps their
 * microsecond values in a plain array and answers a quantile from the sorted array; it makes a
 * histogram only when an interval holds more than {@link #BUFFER_LIMIT} values, so memory stays
 * bounded. Feeding and resetting a 16-32 KiB histogram per tenant per interval, and walking its
 * counts for each quantile, was an eighth of the one-host benchmarks' time (the reset makes every
 * interval's first records move the histogram's minimum by compare-and-set). The sorted array gives
 * the same answer: HdrHistogram's {@code getValueAtPercentile} walks its buckets in value order to
 * the first one whose cumulative count reaches the rank {@code max(1, ceil(p' * n / 100))} (p' is
 * the percentile less one ulp, clamped to [0, 100]), and that bucket holds the rank-th smallest
 * value; it reports the bucket's highest equivalent value (its lowest for the 0th percentile).
 * {@code IntervalLatencyProperties} checks every answer against a histogram.
 */
public final class IntervalLatency {
  /** Values held in the array before the interval moves to a histogram (64 KiB of longs). */
  static final int BUFFER_LIMIT = 8192;

  /**
   * Bucket boundaries only: a histogram of the same precision as every recorder's, never fed. Its
   * equivalent-value functions read only the fields fixed at construction.
   */
  private static final Histogram BUCKETS = new Histogram(3);

  private long[] micros = new long[16];
  private int count;
  private boolean sorted = true;
  private @Nullable Histogram overflow;
  private long maxNanos;

  /** Records one latency in nanoseconds (at least 1 us, rounded up to whole microseconds). */
  public void record(long latencyNanos) {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("negative latency " + latencyNanos);
    }
    long value = Math.max(1, (latencyNanos + 999) / 1000);
    maxNanos = Math.max(maxNanos, latencyNanos);
    Histogram h = overflow;
    if (h != null) {
      h.recordValue(value);
      count++;
      return;
    }
    if (count == BUFFER_LIMIT) {
      h = new Histogram(3);
      for (int i = 0; i < count; i++) {
        h.recordValue(micros[i]);
      }
      h.recordValue(value);
      overflow = h;
      count++;
      return;
    }
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, count * 2);
    }
    if (count > 0 && value < micros[count - 1]) {
      sorted = false;
    }
    micros[count++] = value;
  }

  /** Latencies recorded since the last reset. */
  public long count() {
    return count;
  }

  /**
   * The {@code quantile} (in [0, 1]) in milliseconds as {@link LatencyRecorder#quantileMillis}
   * reports it for the same values, or NaN when the interval completed none.
   */
  public double quantileMillis(double quantile) {
    if (count == 0) {
      return Double.NaN;
    }
    double percentile = quantile * 100;
    long bucketValue;
    Histogram h = overflow;
    if (h != null) {
      bucketValue = h.getValueAtPercentile(percentile);
    } else {
      if (!sorted) {
        Arrays.sort(micros, 0, count);
        sorted = true;
      }
      // HdrHistogram 2.2.2's AbstractHistogram.getValueAtPercentile, rank for rank.
      double requested =
          Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
      long rank = Math.max(1, (long) Math.ceil(requested * count / 100.0D));
      long value = micros[(int) Math.min(rank, count) - 1];
      bucketValue =
          percentile == 0.0
              ? BUCKETS.lowestEquivalentValue(value)
              : BUCKETS.highestEquivalentValue(value);
    }
    return Math.min(bucketValue / 1000.0, SimTime.toMillis(maxNanos));
  }

  /** Forgets everything recorded: the next sample interval starts empty. */
  public void reset() {
    count = 0;
    sorted = true;
    maxNanos = 0;
    overflow = null;
    if (micros.length > 1024) {
      micros = new long[16]; // a burst's array (up to 64 KiB) is not kept for every interval
    }
  }
}
