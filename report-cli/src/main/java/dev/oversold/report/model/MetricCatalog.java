package dev.oversold.report.model;

import static dev.oversold.report.model.Metric.Merge.MAX;
import static dev.oversold.report.model.Metric.Merge.MEAN;
import static dev.oversold.report.model.Metric.Merge.MEAN_CI95;
import static dev.oversold.report.model.Metric.Merge.POOLED;
import static dev.oversold.report.model.Metric.Merge.SUM;

import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.WorkloadKind.Figures;
import dev.oversold.core.workload.Workloads;
import dev.oversold.report.model.Metric.Comparison;
import dev.oversold.report.model.Metric.Csv;
import dev.oversold.report.model.Metric.Format;
import dev.oversold.report.model.Metric.Table;
import dev.oversold.report.model.Metric.Unit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Every figure a tenant reports, declared once, in report.json order (the user contract's shape).
 * Adding a figure is one entry here (and, if the core does not compute it yet, one field in {@link
 * TenantMetrics}); JSON, CSV, table, HTML, replication means, group rows and baseline comparisons
 * all follow.
 */
public final class MetricCatalog {
  private static final Set<String> EVERY_KIND = Set.of();

  /** The kinds whose figures are requests (latency, SLO). */
  private static final Set<String> SERVICES = kinds(k -> k.figures() == Figures.REQUESTS);

  /** The kinds whose figures are jobs (makespan, completion). */
  private static final Set<String> BATCH = kinds(k -> k.figures() == Figures.JOBS);

  /** The kinds the report judges: the noisy neighbours have no SLO, so no good responses. */
  private static final Set<String> VICTIMS = kinds(WorkloadKind::victim);

  private static final double NAN = Double.NaN;

  public static final Metric THROUGHPUT =
      metric("throughput_per_s", Unit.PER_SECOND, EVERY_KIND, MEAN, SUM)
          .compared(Comparison.drop("throughput", "degradation_throughput"))
          .csv("throughput_per_s", 20)
          .meaning("completions per second (requests, jobs or operations)")
          .read(TenantMetrics::throughputPerSecond);
  public static final Metric GOOD =
      metric("good_per_s", Unit.PER_SECOND, VICTIMS, MEAN_CI95, SUM)
          .compared(Comparison.drop("good_rate", "degradation_good_rate"))
          .csv("good_per_s", 10)
          .table(new Table("good/s %s", Format.FIXED2, true))
          .meaning(
              "completions within the SLO per second (services), useful work per second (batch);"
                  + " null for the noisy neighbours, which have no SLO")
          .read(TenantMetrics::goodPerSecond);
  public static final Metric PROGRESS =
      metric("progress_per_s", Unit.PROGRESS_PER_SECOND, EVERY_KIND, MEAN, SUM)
          .csv("progress_per_s", 30)
          .table(new Table("progress", Format.WITH_UNIT, false))
          .meaning("the workload's own unit of useful work per second, named by progress_unit")
          .read(TenantMetrics::progressPerSecond);
  public static final Metric FAILED =
      metric("failed", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("failed", 200)
          .table(new Table("failed", Format.COUNT, false))
          .meaning("requests that timed out or were abandoned, jobs that did not finish")
          .read(TenantMetrics::failed);
  public static final Metric REJECTED =
      metric("rejected", Unit.COUNT, SERVICES, MEAN, SUM)
          .csv("rejected", 230)
          .table(new Table("rejected", Format.COUNT, false))
          .meaning("requests refused at a full backlog (never good, never in failed)")
          .read(TenantMetrics::rejected);
  public static final Metric LATENCY_MEAN =
      metric("latency_ms.mean", Unit.MILLISECONDS, SERVICES, MEAN, POOLED)
          .compared(Comparison.ratio("mean_latency_ratio", "mean_latency_ratio"))
          .csv("latency_mean_ms", 40, 242)
          .meaning("mean request latency")
          .read(m -> m.latencyMs() == null ? NAN : m.latencyMs().mean());
  public static final Metric LATENCY_P50 =
      latency("p50", 41, POOLED, "median request latency", TenantMetrics.Latency::p50);
  public static final Metric LATENCY_P95 =
      latency("p95", 42, POOLED, "95th percentile request latency", TenantMetrics.Latency::p95);
  public static final Metric LATENCY_P99 =
      metric("latency_ms.p99", Unit.MILLISECONDS, SERVICES, MEAN_CI95, POOLED)
          .compared(Comparison.ratio("p99_ratio", "p99_ratio"))
          .csv("latency_p99_ms", 43, 45)
          .table(new Table("p99 %s ms", Format.FIXED2, true))
          .meaning("99th percentile request latency")
          .read(m -> m.latencyMs() == null ? NAN : m.latencyMs().p99());
  public static final Metric LATENCY_MAX =
      latency("max", 44, MAX, "longest request latency", TenantMetrics.Latency::max);
  public static final Metric JOBS_COMPLETED =
      jobs("completed", Unit.COUNT, SUM, 50, "batch jobs completed", TenantMetrics.Jobs::completed);
  public static final Metric JOBS_MAKESPAN =
      jobs(
          "makespan_s",
          Unit.SECONDS,
          MAX,
          51,
          "from the workload's start to its last job's end",
          TenantMetrics.Jobs::makespanSeconds,
          Comparison.ratio("makespan_ratio", "makespan_ratio"),
          240);
  public static final Metric JOBS_MEAN_COMPLETION =
      jobs(
          "mean_completion_s",
          Unit.SECONDS,
          MEAN,
          52,
          "mean time from a job's submission to its end",
          TenantMetrics.Jobs::meanCompletionSeconds,
          Comparison.ratio("mean_completion_ratio", "mean_completion_ratio"),
          241);
  public static final Metric CPU_USED =
      metric("cpu.used_core_s", Unit.CORE_SECONDS, EVERY_KIND, MEAN, SUM)
          .csv("cpu_used_core_s", 60)
          .meaning("CPU time the tenant got, in seconds of one reference core")
          .perGuest()
          .read(m -> m.cpu().usedCoreSeconds());
  public static final Metric CPU_WAIT =
      metric("cpu.steal_fraction", Unit.FRACTION, EVERY_KIND, MEAN, MEAN)
          .csv("steal_fraction", 61)
          .table(new Table(Table.CPU_WAIT + " %", Format.PERCENT, false))
          .meaning(
              "share of runnable vCPU time spent waiting for a core (steal, ready or run-queue"
                  + " wait: the platform's word)")
          .perGuest()
          .read(m -> m.cpu().stealFraction());
  public static final Metric CPU_THROTTLED =
      metric("cpu.throttled_s", Unit.CORE_SECONDS, EVERY_KIND, MEAN, SUM)
          .csv("cpu_throttled_s", 62)
          .table(new Table("throttled s", Format.FIXED2, false))
          .meaning("runnable vCPU time held back by the tenant's own cap or limit")
          .perGuest()
          .read(m -> m.cpu().throttledSeconds());
  public static final Metric CPU_COSTOP =
      metric("cpu.costop_fraction", Unit.FRACTION, EVERY_KIND, MEAN, MEAN)
          .csv("costop_fraction", 63)
          .table(new Table("co-stop %", Format.PERCENT, false))
          .meaning("share of runnable vCPU time co-stopped by ESXi co-scheduling (0 elsewhere)")
          .perGuest()
          .read(m -> m.cpu().costopFraction());
  public static final Metric WAKEUP_P50 =
      metric("cpu.wakeup_delay_ms.p50", Unit.MILLISECONDS, EVERY_KIND, MEAN, MAX)
          .csv("wakeup_delay_p50_ms", 64)
          .meaning("median wait of a thread that woke an idle vCPU, until it ran")
          .perGuest()
          .read(m -> m.cpu().wakeupDelayP50Ms());
  public static final Metric WAKEUP_P99 =
      metric("cpu.wakeup_delay_ms.p99", Unit.MILLISECONDS, EVERY_KIND, MEAN, MAX)
          .csv("wakeup_delay_p99_ms", 65)
          .table(new Table("wake-up p99 ms", Format.FIXED2, false))
          .meaning("99th percentile of that wake-up wait")
          .perGuest()
          .read(m -> m.cpu().wakeupDelayP99Ms());
  public static final Metric MEMORY_RESIDENT =
      metric("memory.resident", Unit.BYTES, EVERY_KIND, MEAN, SUM)
          .csv("memory_resident_bytes", 70)
          .meaning("mean resident memory over the measured window")
          .perGuest()
          .read(m -> m.memory().residentBytes());
  public static final Metric MEMORY_SWAPPED =
      metric("memory.swapped", Unit.BYTES, EVERY_KIND, MEAN, SUM)
          .csv("memory_swapped_bytes", 71)
          .meaning("mean memory swapped out (host swap, vSwap or guest swap)")
          .perGuest()
          .read(m -> m.memory().swappedBytes());
  public static final Metric MAJOR_FAULTS =
      metric("memory.major_faults", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("major_faults", 72)
          .meaning("page faults that needed a disk read")
          .perGuest()
          .read(m -> m.memory().majorFaults());
  public static final Metric CACHE_HITS =
      metric("memory.cache_hits", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("cache_hits", 73)
          .meaning(
              "buffered page reads (file-reads, a buffered disk hog) served from the page cache")
          .read(m -> m.memory().cacheHits());
  public static final Metric CACHE_MISSES =
      metric("memory.cache_misses", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("cache_misses", 74)
          .meaning("buffered page reads that missed the page cache: each a read from the disk")
          .read(m -> m.memory().cacheMisses());
  public static final Metric CACHE_HIT_RATIO =
      metric("memory.cache_hit_ratio", Unit.FRACTION, EVERY_KIND, MEAN, MEAN)
          .csv("cache_hit_ratio", 75)
          .nullWhenNone(CACHE_MISSES) // undefined only without buffered reads (then no misses)
          .meaning("cache hits over buffered page reads (null without buffered reads)")
          .read(m -> m.memory().cacheHitRatio());
  public static final Metric RECLAIM_STALLS =
      metric("memory.reclaim_stalls", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("reclaim_stalls", 260)
          .table(new Table("reclaim stalls", Format.COUNT, false))
          .meaning(
              "requests that waited in memory reclaim: for the swap-out writes of their own"
                  + " or the host's direct reclaim, or for a frame under writeback to be freed")
          .perGuest()
          .read(m -> m.memory().reclaimStalls());
  public static final Metric RECLAIM_STALL_TOTAL =
      metric("memory.reclaim_stall_ms.total", Unit.MILLISECONDS, EVERY_KIND, MEAN, SUM)
          .csv("reclaim_stall_total_ms", 261)
          .meaning("total time those requests waited in reclaim")
          .perGuest()
          .read(m -> m.memory().reclaimStallMs());
  public static final Metric RECLAIM_STALL_P99 =
      metric("memory.reclaim_stall_ms.p99", Unit.MILLISECONDS, EVERY_KIND, MEAN, MAX)
          .csv("reclaim_stall_p99_ms", 262)
          .meaning("99th percentile of one reclaim stall (0 without stalls)")
          .perGuest()
          .read(m -> m.memory().reclaimStallP99Ms());
  public static final Metric SWAP_IN =
      metric("memory.swap_in", Unit.BYTES, EVERY_KIND, MEAN, SUM)
          .csv("swap_in_bytes", 263)
          .meaning("bytes read back from swap (own, vSwap on disk or host) for the tenant's faults")
          .perGuest()
          .read(m -> m.memory().swapInBytes());
  public static final Metric SWAP_OUT =
      metric("memory.swap_out", Unit.BYTES, EVERY_KIND, MEAN, SUM)
          .csv("swap_out_bytes", 264)
          .meaning("bytes of the tenant's pages written to swap, by its own reclaim or the host's")
          .perGuest()
          .read(m -> m.memory().swapOutBytes());
  public static final Metric REFUSALS =
      metric("refusals", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("refusals", 210)
          .table(new Table("refused", Format.COUNT, false))
          .meaning(
              "allocations the platform refused (memory, processes, files), at any time of the"
                  + " run")
          .read(TenantMetrics::refusals);
  public static final Metric FIRST_REFUSAL =
      metric("first_refusal_s", Unit.SECONDS, EVERY_KIND, MAX, MAX)
          .csv("first_refusal_s", 250)
          .firstOf(REFUSALS)
          .meaning(
              "when the first refusal happened, from the run's start (null if none; with"
                  + " replications or groups, the latest of those that had one)")
          .read(TenantMetrics::firstRefusalSeconds);
  public static final Metric OOM_KILLS =
      metric("oom_kills", Unit.COUNT, EVERY_KIND, MEAN, SUM)
          .csv("oom_kills", 220)
          .table(new Table("oom kills", Format.COUNT, false))
          .meaning("times the tenant's processes were killed for memory, at any time of the run")
          .perGuest()
          .read(TenantMetrics::oomKills);
  public static final Metric FIRST_OOM_KILL =
      metric("first_oom_kill_s", Unit.SECONDS, EVERY_KIND, MAX, MAX)
          .csv("first_oom_kill_s", 251)
          .firstOf(OOM_KILLS)
          .meaning(
              "when the first OOM kill happened, from the run's start (null if none; with"
                  + " replications or groups, the latest of those that had one)")
          .perGuest()
          .read(TenantMetrics::firstOomKillSeconds);

  /** Every metric, in report.json order. */
  public static final List<Metric> ALL =
      List.of(
          THROUGHPUT,
          GOOD,
          PROGRESS,
          FAILED,
          REJECTED,
          LATENCY_MEAN,
          LATENCY_P50,
          LATENCY_P95,
          LATENCY_P99,
          LATENCY_MAX,
          JOBS_COMPLETED,
          JOBS_MAKESPAN,
          JOBS_MEAN_COMPLETION,
          CPU_USED,
          CPU_WAIT,
          CPU_THROTTLED,
          CPU_COSTOP,
          WAKEUP_P50,
          WAKEUP_P99,
          MEMORY_RESIDENT,
          MEMORY_SWAPPED,
          MAJOR_FAULTS,
          CACHE_HITS,
          CACHE_MISSES,
          CACHE_HIT_RATIO,
          RECLAIM_STALLS,
          RECLAIM_STALL_TOTAL,
          RECLAIM_STALL_P99,
          SWAP_IN,
          SWAP_OUT,
          REFUSALS,
          FIRST_REFUSAL,
          OOM_KILLS,
          FIRST_OOM_KILL);

  private MetricCatalog() {}

  /** The names of the registered workload kinds that {@code which} accepts. */
  private static Set<String> kinds(Predicate<WorkloadKind<?>> which) {
    return Workloads.all().stream()
        .filter(which)
        .map(WorkloadKind::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Every metric in report.csv (and table) order. */
  public static List<Metric> inColumnOrder() {
    return ALL.stream().sorted(Comparator.comparingInt(m -> m.csv().position())).toList();
  }

  /** The metrics with a baseline comparison, in column order (their degradation keys' order). */
  public static List<Metric> compared() {
    return ALL.stream()
        .filter(m -> !m.comparison().none())
        .sorted(Comparator.comparingInt(m -> m.csv().baselinePosition()))
        .toList();
  }

  private static Metric latency(
      String field,
      int position,
      Metric.Merge groups,
      String meaning,
      ToDoubleFunction<TenantMetrics.Latency> value) {
    return metric("latency_ms." + field, Unit.MILLISECONDS, SERVICES, MEAN, groups)
        .csv("latency_" + field + "_ms", position)
        .meaning(meaning)
        .read(m -> m.latencyMs() == null ? NAN : value.applyAsDouble(m.latencyMs()));
  }

  private static Metric jobs(
      String field,
      Unit unit,
      Metric.Merge groups,
      int position,
      String meaning,
      ToDoubleFunction<TenantMetrics.Jobs> value) {
    return jobs(field, unit, groups, position, meaning, value, Comparison.NONE, position);
  }

  /**
   * A batch figure compared with the baseline; its baseline and comparison columns go at {@code
   * baselinePosition}, after the columns scripts already index.
   */
  private static Metric jobs(
      String field,
      Unit unit,
      Metric.Merge groups,
      int position,
      String meaning,
      ToDoubleFunction<TenantMetrics.Jobs> value,
      Comparison comparison,
      int baselinePosition) {
    return metric("jobs." + field, unit, BATCH, MEAN, groups)
        .compared(comparison)
        .csv("jobs_" + field, position, baselinePosition)
        .meaning(meaning)
        .read(m -> m.jobs() == null ? NAN : value.applyAsDouble(m.jobs()));
  }

  private static Builder metric(
      String key,
      Unit unit,
      Set<String> workloads,
      Metric.Merge replications,
      Metric.Merge groups) {
    return new Builder(key, unit, workloads, replications, groups);
  }

  /** Spells a declaration out field by field, so each line of an entry says what it sets. */
  private static final class Builder {
    private final String key;
    private final Unit unit;
    private final Set<String> workloads;
    private final Metric.Merge replications;
    private final Metric.Merge groups;
    private Comparison comparison = Comparison.NONE;
    private Csv csv;
    private Table table;
    private String meaning;
    private Metric noneOf;
    private boolean perGuest;

    Builder(
        String key,
        Unit unit,
        Set<String> workloads,
        Metric.Merge replications,
        Metric.Merge groups) {
      this.key = key;
      this.unit = unit;
      this.workloads = workloads;
      this.replications = replications;
      this.groups = groups;
    }

    Builder compared(Comparison value) {
      comparison = value;
      return this;
    }

    Builder csv(String column, int position) {
      return csv(column, position, position);
    }

    Builder csv(String column, int position, int baselinePosition) {
      csv = new Csv(column, position, baselinePosition);
      return this;
    }

    Builder table(Table value) {
      table = value;
      return this;
    }

    Builder meaning(String value) {
      meaning = value;
      return this;
    }

    /** A figure of {@code count}'s events: null (and no warning) when there were none. */
    Builder nullWhenNone(Metric count) {
      noneOf = count;
      return this;
    }

    /** The time of the first of {@code count}'s events: null (and no gap) when there was none. */
    Builder firstOf(Metric count) {
      noneOf = count;
      return this;
    }

    /** A figure of the tenant's guest, which its guest-mates report too. */
    Builder perGuest() {
      perGuest = true;
      return this;
    }

    Metric read(ToDoubleFunction<TenantMetrics> read) {
      return new Metric(
          key,
          unit,
          workloads,
          replications,
          groups,
          comparison,
          csv,
          table,
          meaning,
          read,
          noneOf,
          perGuest);
    }
  }
}
