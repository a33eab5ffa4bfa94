package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import dev.oversold.testing.GeneratedRuns;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * When neighbours only add load, no tenant does better than alone: fewer good responses, longer
 * tails, less progress, and each neighbour left out gives some of it back. The headline degradation
 * must then never be negative, nor any entry of the interference matrix. The figures here are
 * generated without sampling noise, so the bound is exact (up to rounding).
 */
final class HeadlineProperties {
  private static final double ROUNDING = 1e-9;

  @Property(tries = 200)
  void headline_isNeverNegative_whenNeighboursOnlyAddLoad(
      @ForAll("figures") List<Double> values, @ForAll @IntRange(min = 1, max = 3) int reps) {
    Report report =
        ReportBuilder.build(
            GeneratedRuns.experiment(
                ReportSettings.DEFAULT, reps, (run, r, tenant) -> figures(values, run, r, tenant)));
    for (TenantReport t : report.tenants()) {
      double h = t.degradation().headline();
      assertTrue(Double.isNaN(h) || h >= -ROUNDING, t.name() + " headline " + h);
    }
    InterferenceReport m = report.interference();
    for (int i = 0; i < m.members().size(); i++) {
      for (int j = 0; j < m.members().size(); j++) {
        double v = m.get(i, j);
        assertTrue(Double.isNaN(v) || v >= -ROUNDING, "matrix " + i + "," + j + " = " + v);
      }
    }
  }

  /**
   * A tenant's figures: alone its own rate and p99; shared worse by a factor {@code harm} in [0, 1]
   * (rate times 1 - harm, p99 times 1 + 4 harm); without one neighbour worse by a part of that harm
   * only.
   */
  private static TenantMetrics figures(List<Double> v, String run, int r, String tenant) {
    int t = tenant.equals("web-1") ? 0 : tenant.equals("web-2") ? 1 : 2;
    int base = (r * 3 + t) * 6;
    double rate = 1 + 199 * v.get(base);
    double p99 = 1 + 499 * v.get(base + 1);
    double goodShare = v.get(base + 2);
    double harm = v.get(base + 3);
    double left =
        switch (run) {
          case "alone" -> 0;
          case "shared" -> harm;
          default -> harm * v.get(base + (run.endsWith("web-1") ? 4 : 5));
        };
    if (tenant.equals("hog")) {
      return GeneratedRuns.hog(rate * (1 - left) / 50, 1);
    }
    return GeneratedRuns.service(rate * (1 - left), goodShare, p99 * (1 + 4 * left), 1);
  }

  @Provide
  Arbitrary<List<Double>> figures() {
    return Arbitraries.doubles().between(0, 1).list().ofSize(3 * 3 * 6);
  }
}
