package dev.oversold.planner;

import java.util.Locale;

/** How the planner writes its figures for people: milliseconds and percentages. */
final class Figures {
  private Figures() {}

  static String format(String metric, double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Double.isInfinite(value)) {
      return "no completions";
    }
    return switch (metric) {
      case Limit.P99_MS -> String.format(Locale.ROOT, "%.1f ms", value);
      case Limit.DEGRADATION -> String.format(Locale.ROOT, "%.2f%%", value * 100);
      default -> String.format(Locale.ROOT, "%.4g", value);
    };
  }
}
