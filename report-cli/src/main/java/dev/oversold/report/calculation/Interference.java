package dev.oversold.report.calculation;

import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Metrics;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the interference matrix from the leave-one-out runs (see {@link InterferenceReport}): the
 * part of member i's headline degradation that member j's presence causes, {@code h_i(all) -
 * h_i(all but j)}, each against i's figures alone. Without baselines, i's figures without j stand
 * in for alone: {@code h_i(all against all but j)}. With the good-rate rule this is {@code
 * (good_i(all but j) - good_i(all)) / good_i(alone)}.
 */
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
        List<String> workloads = workloads(rep.shared(), victim);
        Metrics all = figures(rep.shared(), rep.shared(), victim);
        Metrics alone = experiment.hasBaselines() ? alone(rep, victim) : null;
        for (int j = 0; j < m; j++) {
          double value = Double.NaN;
          if (i != j) {
            Metrics without =
                figures(rep.without().get(members.get(j).name()), rep.shared(), victim);
            value =
                alone == null
                    ? Headline.ofMember(workloads, all, without)
                    : Headline.ofMember(workloads, all, alone)
                        - Headline.ofMember(workloads, without, alone);
          }
          mean[i][j] += value / reps.size();
        }
      }
    }
    return new InterferenceReport(mode, members.stream().map(Member::name).toList(), mean);
  }

  /**
   * A member's tenants' figures in a run, combined as group rows combine them. A leave-one-out run
   * simulates only the hosts of the member left out: a tenant on another host ran exactly as in the
   * shared run, so its shared figures stand in.
   */
  private static Metrics figures(SimulationResult run, SimulationResult shared, Member member) {
    List<TenantResult> parts = new ArrayList<>();
    List<String> guests = new ArrayList<>();
    for (String name : member.tenants()) {
      TenantResult inRun =
          run.tenants().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
      parts.add(inRun != null ? inRun : shared.tenant(name));
      // a guest of the shared run is another guest than the one of that name in this run
      guests.add((inRun != null ? "run " : "shared ") + parts.get(parts.size() - 1).guest());
    }
    return combined(parts, guests);
  }

  private static Metrics alone(ExperimentResult.Replication rep, Member member) {
    List<TenantResult> parts = new ArrayList<>();
    for (String name : member.tenants()) {
      parts.add(rep.baselines().get(name).tenant(name));
    }
    return combinedApart(parts);
  }

  /**
   * One tenant's figures, or a group's combined as its row combines them, all from one run: a
   * guest's figures count once however many of its tenants the group holds.
   */
  static Metrics combined(List<TenantResult> parts) {
    return combined(parts, parts.stream().map(TenantResult::guest).toList());
  }

  /**
   * A group's figures from its tenants' runs alone (one run each), combined as its row combines
   * them: every tenant ran in a guest of its own run, so each counts.
   */
  static Metrics combinedApart(List<TenantResult> parts) {
    return combined(parts, parts.stream().map(TenantResult::name).toList());
  }

  /** {@code guests}: one key per part, equal for parts that ran in one guest of one run. */
  private static Metrics combined(List<TenantResult> parts, List<String> guests) {
    List<Metrics> figures = parts.stream().map(t -> Metrics.of(t.metrics(), t.workload())).toList();
    return figures.size() == 1
        ? figures.get(0)
        : Merging.group(figures, parts.stream().map(TenantResult::histogram).toList(), guests);
  }

  private static List<String> workloads(SimulationResult shared, Member member) {
    return member.tenants().stream().map(name -> shared.tenant(name).workload()).toList();
  }
}
