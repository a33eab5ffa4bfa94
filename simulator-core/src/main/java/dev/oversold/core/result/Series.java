package dev.oversold.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time series sampled every {@code intervalSeconds} from the start of the run; sample {@code k} is
 * the mean over {@code [k * interval, (k + 1) * interval)}. Names carry their unit, e.g. {@code
 * cpu_cores}, {@code steal_fraction}, {@code resident_bytes}.
 */
public record Series(double intervalSeconds, Map<String, double[]> values) {
  public static final Series EMPTY = new Series(1, Map.of());

  public Series {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public double[] get(String name) {
    double[] series = values.get(name);
    return series == null ? new double[0] : series.clone();
  }
}
