package dev.oversold.runner;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every simulation of one experiment, by replication.
 *
 * @param scenario the scenario as given (seed of replication 0)
 * @param members the interference members (empty when interference is none)
 * @param replications one entry per seed, in seed order
 */
public record ExperimentResult(
    Scenario scenario, List<Member> members, List<Replication> replications) {
  public ExperimentResult {
    Objects.requireNonNull(scenario, "scenario");
    members = List.copyOf(members);
    replications = List.copyOf(replications);
    checkArgument(!replications.isEmpty(), "no replications");
  }

  public boolean hasBaselines() {
    return scenario.report().baseline() == ReportSettings.Baseline.ISOLATED;
  }

  /**
   * The runs of one seed.
   *
   * @param shared every tenant together
   * @param baselines tenant name to the run with that tenant alone (empty without baselines)
   * @param without member name to the run without that member
   */
  public record Replication(
      SimulationResult shared,
      Map<String, SimulationResult> baselines,
      Map<String, SimulationResult> without) {
    public Replication {
      Objects.requireNonNull(shared, "shared");
      baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
      without = Collections.unmodifiableMap(new LinkedHashMap<>(without));
    }
  }
}
