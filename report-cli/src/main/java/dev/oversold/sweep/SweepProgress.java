package dev.oversold.sweep;

import dev.oversold.runner.ProgressListener;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A sweep's progress on standard error: one line per finished point, whether or not stderr is a
 * terminal (a redirected log still shows how far a long sweep got and when it should end):
 *
 * <pre>
 * sweep: cores-2 done in 12.3 s (2/7 points, 25.0 s elapsed, about 1m02s left)
 * </pre>
 *
 * A point's time runs from the start of its first simulation to the end of its last. The time left
 * is the elapsed time scaled by the work still to do over the work done, the work of a point being
 * its estimated events ({@link dev.oversold.runner.CostEstimate}), so a sweep whose later points
 * are larger is not promised an early end. On a terminal a status line (points, runs, elapsed) is
 * also redrawn in place between point lines with a carriage return; with stderr redirected nothing
 * but the point lines is written, no control characters.
 */
public final class SweepProgress implements ProgressListener {
  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier clock;
  private final List<String> names;
  private final double[] weights;
  private final double totalWeight;
  private final long start;
  private final long[] started;
  private double doneWeight;
  private int donePoints;
  private int drawnWidth;

  /**
   * @param err where lines go
   * @param terminal whether {@code err} is a terminal (status line redrawn in place)
   * @param clock nanoseconds, monotonic ({@code System::nanoTime}; tests inject their own)
   * @param names point names, by point index
   * @param weights estimated work of each point (any unit; only ratios matter)
   */
  public SweepProgress(
      PrintWriter err, boolean terminal, LongSupplier clock, List<String> names, double[] weights) {
    if (names.size() != weights.length) {
      throw new IllegalArgumentException("one weight per point");
    }
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
    this.names = List.copyOf(names);
    this.weights = weights.clone();
    this.totalWeight = Arrays.stream(weights).sum();
    this.start = clock.getAsLong();
    this.started = new long[weights.length];
    Arrays.fill(started, Long.MIN_VALUE);
  }

  /** The first simulation of {@code point} starts (called from worker threads). */
  public synchronized void pointStarted(int point) {
    if (started[point] == Long.MIN_VALUE) {
      started[point] = clock.getAsLong();
    }
  }

  /** Every simulation of {@code point} has finished (its report is written). */
  public synchronized void pointFinished(int point) {
    long now = clock.getAsLong();
    long from = started[point] == Long.MIN_VALUE ? start : started[point];
    donePoints++;
    doneWeight += weights[point];
    String line =
        String.format(
            Locale.ROOT,
            "sweep: %s done in %s (%d/%d points, %s elapsed%s)",
            names.get(point),
            duration((now - from) / 1e9),
            donePoints,
            names.size(),
            duration((now - start) / 1e9),
            donePoints < names.size() ? ", about " + duration(secondsLeft(now)) + " left" : "");
    if (terminal && drawnWidth > 0) {
      err.print("\r" + pad(line, drawnWidth) + "\n");
      drawnWidth = 0;
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** The estimated seconds to the end: elapsed times the work left over the work done. */
  double secondsLeft(long now) {
    double elapsed = (now - start) / 1e9;
    double done = doneWeight;
    double total = totalWeight;
    if (!(done > 0)) { // no estimate (every weight 0): count points instead
      done = donePoints;
      total = names.size();
    }
    return done <= 0 ? Double.NaN : elapsed * (total - done) / done;
  }

  @Override
  public synchronized void runFinished(int done, int total, double simulatedSeconds) {
    if (!terminal || done == total) {
      return;
    }
    String status =
        String.format(
            Locale.ROOT,
            "  %d/%d points, %d/%d runs, %s elapsed",
            donePoints,
            names.size(),
            done,
            total,
            duration((clock.getAsLong() - start) / 1e9));
    err.print("\r" + pad(status, drawnWidth));
    err.flush();
    drawnWidth = status.length();
  }

  /** Ends a status line left drawn, so what follows starts on a fresh line. */
  public synchronized void finish() {
    if (drawnWidth > 0) {
      err.print("\r" + pad("", drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /**
   * Seconds as people read them: {@code 12.3 s} below a minute, {@code 4m05s} below an hour, then
   * {@code 2h07m}; {@code ?} when unknown.
   */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    if (seconds < 59.95) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
    }
    long minutes = Math.round(seconds / 60);
    return String.format(Locale.ROOT, "%dh%02dm", minutes / 60, minutes % 60);
  }
}
