package dev.oversold.report.calculation;

import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Member;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Fills the interference matrix from the leave-one-out runs (see {@link InterferenceReport}). */
final class Interference {
  private Interference() {}

  static InterferenceReport of(ExperimentResult experiment) {
    List<Member> members = experiment.members();
    String mode = experiment.scenario().report().interference().name().toLowerCase(Locale.ROOT);
    int m = members.size();
    double[][] mean = new double[m][m];
    List<ExperimentResult.Replication> reps = experiment.replications();
    for (ExperimentResult.Replication rep : reps) {
      for (int i = 0; i < m; i++) {
        Member victim = members.get(i);
        double all = good(rep.shared(), victim);
        double alone = experiment.hasBaselines() ? alone(rep, victim) : Double.NaN;
        for (int j = 0; j < m; j++) {
          double value = Double.NaN;
          if (i != j) {
            double without = good(rep.without().get(members.get(j).name()), rep.shared(), victim);
            double denominator = experiment.hasBaselines() ? alone : without;
            value = denominator > 0 ? (without - all) / denominator : Double.NaN;
          }
          mean[i][j] += value / reps.size();
        }
      }
    }
    return new InterferenceReport(mode, members.stream().map(Member::name).toList(), mean);
  }

  /** The summed good rate of a member's tenants in a run. */
  private static double good(SimulationResult run, Member member) {
    double sum = 0;
    for (TenantResult tenant : run.tenants()) {
      if (member.tenants().contains(tenant.name())) {
        sum += tenant.metrics().goodPerSecond();
      }
    }
    return sum;
  }

  /**
   * The same in a leave-one-out run, which simulates only the hosts of the member left out: a
   * tenant on another host ran exactly as in the shared run, so its shared figure stands in.
   */
  private static double good(SimulationResult without, SimulationResult shared, Member member) {
    Set<String> present = new HashSet<>();
    without.tenants().forEach(t -> present.add(t.name()));
    double sum = good(without, member);
    for (TenantResult tenant : shared.tenants()) {
      if (member.tenants().contains(tenant.name()) && !present.contains(tenant.name())) {
        sum += tenant.metrics().goodPerSecond();
      }
    }
    return sum;
  }

  private static double alone(ExperimentResult.Replication rep, Member member) {
    double sum = 0;
    for (String name : member.tenants()) {
      sum += rep.baselines().get(name).tenant(name).metrics().goodPerSecond();
    }
    return sum;
  }
}
