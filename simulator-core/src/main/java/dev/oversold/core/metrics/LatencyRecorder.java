package dev.oversold.core.metrics;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.result.LatencyHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Streaming latency statistics: an HdrHistogram at microsecond resolution with three significant
 * digits (quantiles within 0.1%), plus the exact count, sum and maximum. Memory depends on the
 * range of values seen, never on how many were recorded. The histogram is made on the first flush
 * (below): even an empty one holds a 2,048-count array (16 KiB), and a tenant that never serves a
 * request (idle, batch) keeps its recorders. HdrHistogram's packed form would also shrink a web
 * tenant's 16-32 KiB arrays, but every quantile read walks its counts several times slower.
 *
 * <p>A record goes into a plain array of {@link #BATCH} microsecond values first, and the batch
 * into the histogram when the array is full or before anything reads the histogram. With a thousand
 * tenants each completing a request now and then, every record found the tenant's histogram object
 * out of the cache; now one record in {@link #BATCH} does. The histogram ends up with the same
 * counts, minimum and maximum as if each value had gone in at once (none of them depends on the
 * order of records), so every figure read from it is unchanged.
 */
public final class LatencyRecorder {
  /** Values buffered before they go into the histogram together. */
  static final int BATCH = 32;

  private @Nullable Histogram histogram;
  private long @Nullable [] batch;
  private int batched;
  private long count;
  private double sumNanos;
  private long maxNanos;
  private long minNanos = Long.MAX_VALUE;

  public void record(long latencyNanos) {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("negative latency " + latencyNanos);
    }
    long[] b = batch;
    if (b == null) {
      b = new long[BATCH];
      batch = b;
    }
    b[batched++] = Math.max(1, (latencyNanos + 999) / 1000);
    if (batched == BATCH) {
      flush();
    }
    count++;
    sumNanos += latencyNanos;
    maxNanos = Math.max(maxNanos, latencyNanos);
    minNanos = Math.min(minNanos, latencyNanos);
  }

  /** Moves the buffered values into the histogram (made on the first flush) and returns it. */
  private Histogram flush() {
    Histogram h = histogram;
    if (h == null) {
      h = new Histogram(3);
      histogram = h;
    }
    long[] b = batch;
    if (b != null) {
      for (int i = 0; i < batched; i++) {
        h.recordValue(b[i]);
      }
    }
    batched = 0;
    return h;
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
    if (count == 0) {
      return Double.NaN;
    }
    Histogram h = flush();
    double micros = h.getValueAtPercentile(quantile * 100);
    return Math.min(micros / 1000.0, maxMillis());
  }

  /** The latencies recorded so far, kept for pooling with other tenants'. */
  public LatencyHistogram snapshot() {
    if (histogram == null && batched == 0) {
      return LatencyHistogram.EMPTY;
    }
    return LatencyHistogram.of(flush(), maxMillis());
  }

  /** Forgets everything recorded: the next sample interval starts empty. */
  public void reset() {
    batched = 0;
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
