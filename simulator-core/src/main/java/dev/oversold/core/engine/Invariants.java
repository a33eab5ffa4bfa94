package dev.oversold.core.engine;

/**
 * Run-time model checks. On when the system property {@code oversold.checks} is {@code true} (the
 * test suite sets it); off in production runs because some checks are O(n) per event.
 */
public final class Invariants {
  public static final boolean ENABLED = Boolean.getBoolean("oversold.checks");

  private Invariants() {}

  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(
          "invariant violated: " + String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
