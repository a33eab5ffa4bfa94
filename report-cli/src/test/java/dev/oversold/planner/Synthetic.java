package dev.oversold.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Cheap outcome functions for testing the search without simulating. */
final class Synthetic {
  private Synthetic() {}

  /**
   * The p99 figure {@code value(count) * (1 + noise[r % noise.length])} for replication r, with
   * {@code web-1} as the worst victim and CPU as the binding resource.
   */
  static Outcomes p99(IntToDoubleFunction value, double... noise) {
    double[] factors = noise.length == 0 ? new double[] {0} : noise;
    return (count, from, to) -> {
      List<Observation> list = new ArrayList<>();
      for (int r = from; r < to; r++) {
        double figure = value.applyAsDouble(count) * (1 + factors[r % factors.length]);
        list.add(
            new Observation(
                Map.of(Limit.P99_MS, figure), Map.of(Limit.P99_MS, "web-1"), Resources.CPU, ""));
      }
      return list;
    };
  }

  static SearchSettings settings(double p99Limit, int start, int max, int maxReplications) {
    return new SearchSettings(
        List.of(new Limit(Limit.P99_MS, p99Limit)), start, max, 2, maxReplications);
  }
}
