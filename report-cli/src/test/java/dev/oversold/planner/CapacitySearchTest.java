package dev.oversold.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CapacitySearchTest {
  @Test
  void search_findsTheLastCountBeforeAStep_withHandCountedProbes() throws Exception {
    // figure 10 ms up to 7 tenants, 30 ms from 8, limit 20 ms, no noise. From 4: 4 meets, 8
    // misses, bisection tries 6 (meets) then 7 (meets): answer 7, four counts x 2 replications.
    List<Integer> asked = new ArrayList<>();
    Outcomes step = Synthetic.p99(n -> n <= 7 ? 10 : 30);
    SearchResult result =
        CapacitySearch.run(
            Synthetic.settings(20, 4, 100, 10),
            (count, from, to) -> {
              asked.add(count);
              return step.observe(count, from, to);
            });
    assertEquals(7, result.tenants());
    assertEquals(List.of(4, 8, 6, 7), asked);
    assertEquals(8, result.observations());
    assertEquals(Limit.P99_MS, result.decidingMetric());
    // margin at 7 tenants: (20 - 10) / 20
    assertEquals(0.5, result.margin(), 1e-12);
    assertEquals(
        List.of(4, 6, 7, 8),
        result.curve().stream().map(SearchResult.CurvePoint::tenants).toList());
    assertTrue(result.warnings().isEmpty(), result.warnings().toString());
  }

  @Test
  void search_halvesDownFromAStartThatMisses() throws Exception {
    // linear 10 ms per tenant, limit 25 ms: 2 meets (20), 3 misses (30). From 16: 16, 8, 4, 2
    // (meets), then 3 (misses).
    SearchResult result =
        CapacitySearch.run(Synthetic.settings(25, 16, 100, 10), Synthetic.p99(n -> 10.0 * n));
    assertEquals(2, result.tenants());
    assertEquals(
        List.of(2, 3, 4, 8, 16),
        result.curve().stream().map(SearchResult.CurvePoint::tenants).toList());
  }

  @Test
  void search_answersZeroAndNamesTheTenant_whenOneTenantMisses() throws Exception {
    SearchResult result =
        CapacitySearch.run(Synthetic.settings(25, 4, 100, 10), Synthetic.p99(n -> 40.0));
    assertEquals(0, result.tenants());
    // margin at one tenant: (25 - 40) / 25
    assertEquals(-0.6, result.margin(), 1e-12);
    String warnings = String.join("\n", result.warnings());
    assertTrue(warnings.contains("even one tenant misses"), warnings);
    assertTrue(warnings.contains("web-1"), warnings);
    assertTrue(warnings.contains("40.0 ms"), warnings);
    assertTrue(warnings.contains("25.0 ms"), warnings);
  }

  @Test
  void search_stopsAtTheBound_andSaysSo() throws Exception {
    SearchResult result =
        CapacitySearch.run(Synthetic.settings(25, 4, 50, 10), Synthetic.p99(n -> 1.0));
    // 4, 8, 16, 32, 50: every count meets
    assertEquals(50, result.tenants());
    assertTrue(String.join("\n", result.warnings()).contains("search bound reached"));
  }

  @Test
  void search_treatsARefusedCountAsMissing_andBlamesItsResource() throws Exception {
    Outcomes outcomes =
        (count, from, to) -> {
          List<Observation> list = new ArrayList<>();
          for (int r = from; r < to; r++) {
            list.add(
                count > 5
                    ? Observation.refused(Resources.MEMORY, "RAM sold exceeds RAM present")
                    : new Observation(
                        Map.of(Limit.P99_MS, 1.0), Map.of(Limit.P99_MS, "web-1"), "cpu", ""));
          }
          return list;
        };
    SearchResult result = CapacitySearch.run(Synthetic.settings(25, 4, 100, 10), outcomes);
    assertEquals(5, result.tenants());
    assertEquals("admission", result.decidingMetric());
    // the curve still shows a figure the placed counts have
    assertEquals(Limit.P99_MS, result.curveMetric());
    assertEquals(Resources.MEMORY, result.bindingResource());
    assertTrue(String.join("\n", result.warnings()).contains("could not be placed"));
  }

  @Test
  void search_addsReplicationsUntilTheIntervalClears_thenGivesUpWithAWarning() throws Exception {
    // figure 20 * (1 +- 0.25) alternating (25, 15: exact in binary), limit 20: the mean sits on the
    // limit, so no number of
    // replications clears it; at the maximum (4) the means decide (20 <= 20 meets).
    List<int[]> batches = new ArrayList<>();
    Outcomes noisy = Synthetic.p99(n -> n <= 3 ? 20 : 100, 0.25, -0.25);
    SearchResult result =
        CapacitySearch.run(
            Synthetic.settings(20, 3, 3, 4),
            (count, from, to) -> {
              batches.add(new int[] {count, from, to});
              return noisy.observe(count, from, to);
            });
    assertEquals(3, result.tenants());
    assertEquals(3, batches.size()); // replications 0..1, then 2, then 3
    assertEquals(4, result.curve().get(0).replications());
    assertTrue(String.join("\n", result.warnings()).contains("decided by the means"));
  }

  @Test
  void search_stopsAddingReplications_onceTheIntervalExcludesTheLimit() throws Exception {
    // 9.9 and 10.1 ms: mean 10, s = 0.1414, t(0.975, 1) = 12.706, half-width 12.706 * 0.1414 /
    // sqrt(2) = 1.27 ms; the interval [8.73, 11.27] lies under 20 ms after the first two.
    SearchResult result =
        CapacitySearch.run(Synthetic.settings(20, 1, 1, 10), Synthetic.p99(n -> 10.0, -0.01, 0.01));
    assertEquals(2, result.curve().get(0).replications());
    assertEquals(8.73, result.curve().get(0).low(), 0.01);
    assertEquals(11.27, result.curve().get(0).high(), 0.01);
  }
}
