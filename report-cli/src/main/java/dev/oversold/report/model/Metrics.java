package dev.oversold.report.model;

import dev.oversold.core.result.TenantMetrics;
import dev.oversold.report.calculation.Stats;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A tenant's figures as the report shows them: the shape of {@code metrics} and {@code baseline} in
 * report.json. Counts are doubles because with replications they are means over seeds.
 *
 * @param throughputPerS completions per second
 * @param goodPerS completions within the SLO per second (progress for workloads without an SLO)
 * @param progressPerS the workload's own unit of useful work per second
 * @param progressUnit what progress counts
 * @param failed requests timed out or refused, jobs not finished
 * @param latencyMs request latency in milliseconds; null for workloads without requests
 * @param jobs batch figures; null for other workloads
 * @param cpu CPU used and steal
 * @param memory resident and swapped bytes, major faults
 * @param refusals allocations the platform refused
 * @param oomKills OOM kills
 */
public record Metrics(
    double throughputPerS,
    double goodPerS,
    double progressPerS,
    String progressUnit,
    double failed,
    Latency latencyMs,
    Jobs jobs,
    Cpu cpu,
    Memory memory,
    double refusals,
    double oomKills) {

  public Metrics {
    Objects.requireNonNull(progressUnit, "progressUnit");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
  }

  /** Latency in milliseconds. */
  public record Latency(double mean, double p50, double p95, double p99, double max) {}

  /** Batch jobs: completed count, makespan and mean completion time in seconds. */
  public record Jobs(double completed, double makespanS, double meanCompletionS) {}

  /** Reference-core-seconds used and the steal fraction (runnable but waiting for a core). */
  public record Cpu(double usedCoreS, double stealFraction) {}

  /** Mean resident and swapped bytes, and major faults. */
  public record Memory(double resident, double swapped, double majorFaults) {}

  /** The figures of one simulation. */
  public static Metrics of(TenantMetrics m) {
    TenantMetrics.Latency l = m.latencyMs();
    TenantMetrics.Jobs j = m.jobs();
    return new Metrics(
        m.throughputPerSecond(),
        m.goodPerSecond(),
        m.progressPerSecond(),
        m.progressUnit(),
        m.failed(),
        l == null ? null : new Latency(l.mean(), l.p50(), l.p95(), l.p99(), l.max()),
        j == null ? null : new Jobs(j.completed(), j.makespanSeconds(), j.meanCompletionSeconds()),
        new Cpu(m.cpu().usedCoreSeconds(), m.cpu().stealFraction()),
        new Memory(m.memory().residentBytes(), m.memory().swappedBytes(), m.memory().majorFaults()),
        m.refusals(),
        m.oomKills());
  }

  /** Field-by-field means over replications (all of the same tenant, so the same shape). */
  public static Metrics mean(List<Metrics> runs) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    Metrics first = runs.get(0);
    Latency latency = null;
    if (runs.stream().allMatch(m -> m.latencyMs() != null)) {
      latency =
          new Latency(
              avg(runs, m -> m.latencyMs().mean()),
              avg(runs, m -> m.latencyMs().p50()),
              avg(runs, m -> m.latencyMs().p95()),
              avg(runs, m -> m.latencyMs().p99()),
              avg(runs, m -> m.latencyMs().max()));
    }
    Jobs jobs = null;
    if (runs.stream().allMatch(m -> m.jobs() != null)) {
      jobs =
          new Jobs(
              avg(runs, m -> m.jobs().completed()),
              avg(runs, m -> m.jobs().makespanS()),
              avg(runs, m -> m.jobs().meanCompletionS()));
    }
    return new Metrics(
        avg(runs, Metrics::throughputPerS),
        avg(runs, Metrics::goodPerS),
        avg(runs, Metrics::progressPerS),
        first.progressUnit(),
        avg(runs, Metrics::failed),
        latency,
        jobs,
        new Cpu(avg(runs, m -> m.cpu().usedCoreS()), avg(runs, m -> m.cpu().stealFraction())),
        new Memory(
            avg(runs, m -> m.memory().resident()),
            avg(runs, m -> m.memory().swapped()),
            avg(runs, m -> m.memory().majorFaults())),
        avg(runs, Metrics::refusals),
        avg(runs, Metrics::oomKills));
  }

  /** The 99th percentile latency, or NaN for workloads without requests. */
  public double p99Ms() {
    return latencyMs == null ? Double.NaN : latencyMs.p99();
  }

  private static double avg(List<Metrics> runs, ToDoubleFunction<Metrics> field) {
    return Stats.mean(runs.stream().mapToDouble(field).toArray());
  }
}
