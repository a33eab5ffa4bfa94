package dev.oversold.core.result;

/**
 * Latency quantiles for charts: {@code millis[i]} is the {@code quantiles[i]} quantile.
 *
 * @param quantiles increasing, in (0, 1]
 * @param millis latency at each quantile, in milliseconds
 */
public record LatencyDistribution(double[] quantiles, double[] millis) {
  public static final LatencyDistribution EMPTY =
      new LatencyDistribution(new double[0], new double[0]);

  public LatencyDistribution {
    if (quantiles.length != millis.length) {
      throw new IllegalArgumentException("quantiles and millis differ in length");
    }
    quantiles = quantiles.clone();
    millis = millis.clone();
  }

  public boolean isEmpty() {
    return quantiles.length == 0;
  }
}
