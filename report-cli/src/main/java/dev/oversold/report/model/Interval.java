package dev.oversold.report.model;

/** A mean and its 95% confidence interval {@code [low, high]}. */
public record Interval(double mean, double low, double high) {
  public Interval {
    if (!(low <= mean && mean <= high)) {
      throw new IllegalArgumentException("need low <= mean <= high");
    }
  }
}
