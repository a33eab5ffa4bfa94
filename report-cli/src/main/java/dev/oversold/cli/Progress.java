package dev.oversold.cli;

import dev.oversold.core.engine.SimTime;
import dev.oversold.runner.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on a terminal: one line, rewritten in place, with runs done over total, the simulated
 * time covered and the wall time elapsed. Silent when the output is not a terminal, so scripts and
 * CI logs stay clean.
 */
final class Progress implements ProgressListener {
  /** Redraw at most this often: a terminal does not need more, and printing is not free. */
  private static final long MIN_REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** A terminal is attached when the JVM has a console (stdin and stdout are terminals). */
  // On Java 17 (the release we build for) console() is null unless both streams are terminals;
  // Java 22+ would need Console.isTerminal().
  @SuppressWarnings("SystemConsoleNull")
  static boolean terminalAttached() {
    return System.console() != null;
  }

  @Override
  public synchronized void runFinished(int done, int total, double simulatedSeconds) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < MIN_REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.printf(
        Locale.ROOT,
        "\r  %d/%d runs, %s simulated, %.1f s elapsed ",
        done,
        total,
        SimTime.format(SimTime.roundNanos(simulatedSeconds)),
        (now - startNanos) / 1e9);
    err.flush();
  }

  /** Ends the progress line so what follows starts on a fresh one. */
  synchronized void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }
}
