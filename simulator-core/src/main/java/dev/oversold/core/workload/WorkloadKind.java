package dev.oversold.core.workload;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the core knows about one workload kind, declared once next to its implementation: the
 * name scenario files and reports use, the spec record it runs from, whether the report judges it,
 * the unit of its progress and how to build it. The scenario loader binds and writes back each kind
 * through a binding keyed by this declaration.
 *
 * @param name the kind's name in scenario files and reports: {@code service}, {@code cpu-hog}...
 * @param specType the immutable spec a scenario gives it
 * @param role a victim (the report judges its service) or a suspect (a noisy neighbour)
 * @param figures the figures it reports beyond progress, which decide the metrics that apply to it
 * @param progressUnit what its {@code progress_per_s} counts: {@code requests}, {@code bytes}...
 * @param factory builds a fresh runtime workload for one run
 * @param cost what a tenant of this kind costs a simulation, for the cost check
 */
public record WorkloadKind<S extends WorkloadSpec>(
    String name,
    Class<S> specType,
    Role role,
    Figures figures,
    String progressUnit,
    Function<S, Workload> factory,
    CostModel<S> cost) {

  /** How the report treats a tenant running this kind. */
  public enum Role {
    /** Its service is judged against its baseline (service, batch). */
    VICTIM,
    /** A neighbour suspected of hurting the victims (the noisy-neighbour kinds, idle). */
    SUSPECT
  }

  /**
   * What a kind reports beyond its progress; metrics that only make sense for requests (latency,
   * SLO, failed requests) or for jobs (makespan, completion) apply to the kinds declaring them.
   */
  public enum Figures {
    /** Requests: latency, good responses within the SLO, failed requests. */
    REQUESTS,
    /** Jobs: completed, makespan, mean completion, failed jobs. */
    JOBS,
    /** Progress in its unit only (the noisy neighbours, idle). */
    PROGRESS
  }

  public WorkloadKind {
    checkArgument(name.matches("[a-z][a-z0-9-]*"), "kind name %s is not kebab-case", name);
    Objects.requireNonNull(specType, "specType");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(figures, "figures");
    checkArgument(!progressUnit.isBlank(), "progress unit of %s is blank", name);
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(cost, "cost");
  }

  /** A kind the report judges, reporting {@code figures}. */
  public static <S extends WorkloadSpec> WorkloadKind<S> victim(
      String name,
      Class<S> specType,
      Figures figures,
      String progressUnit,
      Function<S, Workload> factory) {
    return new WorkloadKind<>(
        name, specType, Role.VICTIM, figures, progressUnit, factory, CostModel.none());
  }

  /** A noisy neighbour: reports its progress only. */
  public static <S extends WorkloadSpec> WorkloadKind<S> suspect(
      String name, Class<S> specType, String progressUnit, Function<S, Workload> factory) {
    return new WorkloadKind<>(
        name, specType, Role.SUSPECT, Figures.PROGRESS, progressUnit, factory, CostModel.none());
  }

  /** This kind with its cost declared. */
  public WorkloadKind<S> costing(CostModel<S> model) {
    return new WorkloadKind<>(name, specType, role, figures, progressUnit, factory, model);
  }

  /**
   * Tells the tenant's recorder what this kind reports, before it starts: its progress unit, and
   * that request or job figures apply even if none completes.
   */
  public void announce(TenantRecorder recorder) {
    recorder.progressUnit(progressUnit);
    switch (figures) {
      case REQUESTS -> recorder.expectRequests();
      case JOBS -> recorder.expectJobs();
      case PROGRESS -> {}
    }
  }

  public boolean victim() {
    return role == Role.VICTIM;
  }

  /** Whether {@code spec} is of this kind. */
  public boolean accepts(WorkloadSpec spec) {
    return specType.isInstance(spec);
  }

  /** Events per simulated second while a tenant running {@code spec} (of this kind) runs. */
  public double eventsPerSecond(WorkloadSpec spec, HostSpec host) {
    return cost.eventsPerSecond().applyAsDouble(specType.cast(spec), host);
  }

  /** Events of {@code spec} (of this kind) that do not depend on the run's length. */
  public double eventsInAll(WorkloadSpec spec) {
    return cost.eventsInAll().applyAsDouble(specType.cast(spec));
  }

  /** Bytes {@code tenant}'s workload (of this kind) holds at its peak. */
  public double bytes(TenantSpec tenant) {
    return cost.bytes().applyAsDouble(specType.cast(tenant.workload()), tenant);
  }

  /**
   * Tenant memory (bytes) {@code spec} (of this kind) wants after running {@code seconds}, before
   * its plan's limits.
   */
  public double memoryBytes(WorkloadSpec spec, double seconds) {
    return cost.memoryBytes().applyAsDouble(specType.cast(spec), seconds);
  }

  /** Pages of its memory {@code spec} (of this kind) touches per second while it runs. */
  public double touchedPagesPerSecond(WorkloadSpec spec) {
    return cost.touchedPagesPerSecond().applyAsDouble(specType.cast(spec));
  }

  /** A fresh runtime workload for {@code spec}, which must be of this kind. */
  public Workload create(WorkloadSpec spec) {
    return factory.apply(specType.cast(spec));
  }
}
