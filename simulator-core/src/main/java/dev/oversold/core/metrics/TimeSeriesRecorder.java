package dev.oversold.core.metrics;

import java.util.Arrays;

/**
 * One time series at a fixed interval: sample {@code k} covers {@code [k * interval, (k + 1) *
 * interval)}. Sized by the run's length over the interval, not by activity.
 */
public final class TimeSeriesRecorder {
  private double[] values;
  private int size;

  public TimeSeriesRecorder(int expectedSamples) {
    values = new double[Math.max(1, expectedSamples)];
  }

  public void append(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  public int size() {
    return size;
  }

  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
