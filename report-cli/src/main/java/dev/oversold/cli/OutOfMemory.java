package dev.oversold.cli;

import java.util.Locale;

/**
 * The JVM ran out of heap despite the cost check (an estimate, not a bound): one clear sentence
 * with what to do, never a stack trace. Exit code 1, as for any failure of the program itself.
 */
final class OutOfMemory {
  private OutOfMemory() {}

  /** Whether {@code error} or one of its causes is an {@link OutOfMemoryError}. */
  static boolean in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  static String message() {
    long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return String.format(
        Locale.ROOT,
        "oversold: out of memory: the simulations needed more than the %d MiB heap; no report was"
            + " written. Check `oversold validate` for the cost estimate and reduce it (fewer"
            + " tenants or samples, a shorter duration, interference: groups), run with"
            + " --threads 1, or give Java more heap (OVERSOLD_JAVA_OPTS=-Xmx8g ./oversold ...)",
        heapMib);
  }
}
