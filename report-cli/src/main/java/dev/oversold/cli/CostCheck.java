package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.runner.CostEstimate;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.ScenarioException;
import java.util.List;

/**
 * Refuses, before anything is simulated, a batch whose estimate ({@link CostEstimate}) is past the
 * budget: bad input (exit 2) with the estimate and how to reduce it, unless {@code --force}.
 */
final class CostCheck {
  private CostCheck() {}

  static CostEstimate check(
      String file, List<Scenario> scenarios, int replications, int threads, boolean force)
      throws ScenarioException {
    CostEstimate estimate = CostEstimate.of(scenarios, replications, threads);
    double budget = CostEstimate.memoryBudget();
    if (!force && estimate.overBudget(budget)) {
      throw new ScenarioException(
          List.of(new Problem(file, 1, 1, "", estimate.refusal(budget), "")));
    }
    return estimate;
  }
}
