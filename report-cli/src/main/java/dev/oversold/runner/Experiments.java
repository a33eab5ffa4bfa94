package dev.oversold.runner;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs several experiments (the points of a sweep, the platforms of a comparison) as one batch, so
 * that every core stays busy until the last run, and splits the results back by experiment.
 */
public final class Experiments {
  private Experiments() {}

  public static List<ExperimentResult> run(List<ExperimentPlan> plans, ParallelRunner runner)
      throws InterruptedException {
    List<Scenario> all = new ArrayList<>();
    for (ExperimentPlan plan : plans) {
      plan.runs().forEach(run -> all.add(run.scenario()));
    }
    List<SimulationResult> results = runner.runAll(all);
    List<ExperimentResult> assembled = new ArrayList<>();
    int from = 0;
    for (ExperimentPlan plan : plans) {
      int to = from + plan.runs().size();
      assembled.add(plan.assemble(results.subList(from, to)));
      from = to;
    }
    return assembled;
  }

  public static ExperimentResult run(ExperimentPlan plan, ParallelRunner runner)
      throws InterruptedException {
    return run(List.of(plan), runner).get(0);
  }
}
