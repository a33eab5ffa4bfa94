package dev.oversold.core.workload;

import dev.oversold.core.model.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of workload kinds: one line per kind, in the order scenario files, the schema and
 * the docs list them. A spec of a kind not registered here is an error wherever it is met.
 */
public final class Workloads {
  private static final List<WorkloadKind<?>> KINDS =
      List.of(
          ServiceWorkload.KIND,
          BatchWorkload.KIND,
          CpuHogWorkload.KIND,
          MemoryBombWorkload.KIND,
          ForkBombWorkload.KIND,
          DiskHogWorkload.KIND,
          NetFloodWorkload.KIND,
          IdleWorkload.KIND);

  private static final Map<Class<?>, WorkloadKind<?>> BY_SPEC = new LinkedHashMap<>();
  private static final Map<String, WorkloadKind<?>> BY_NAME = new LinkedHashMap<>();

  static {
    for (WorkloadKind<?> kind : KINDS) {
      if (BY_SPEC.put(kind.specType(), kind) != null || BY_NAME.put(kind.name(), kind) != null) {
        throw new IllegalStateException("workload kind " + kind.name() + " is registered twice");
      }
    }
  }

  private Workloads() {}

  /** Every kind, in registration order. */
  public static List<WorkloadKind<?>> all() {
    return KINDS;
  }

  /** The kind named {@code name} in scenario files, if registered. */
  public static Optional<WorkloadKind<?>> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The kind of {@code spec}; an unregistered spec type is an error, never skipped. */
  public static WorkloadKind<?> of(WorkloadSpec spec) {
    return ofType(spec.getClass());
  }

  /** The kind whose spec is {@code specType}; an unregistered type is an error. */
  public static <S extends WorkloadSpec> WorkloadKind<S> ofType(Class<S> specType) {
    WorkloadKind<?> kind = BY_SPEC.get(specType);
    if (kind == null) {
      throw new IllegalArgumentException(
          specType.getName() + " is not a registered workload kind (add its KIND to Workloads)");
    }
    @SuppressWarnings("unchecked") // BY_SPEC maps each spec type to the kind declared for it
    WorkloadKind<S> typed = (WorkloadKind<S>) kind;
    return typed;
  }

  /** A fresh runtime workload for {@code spec}. */
  public static Workload create(WorkloadSpec spec) {
    return of(spec).create(spec);
  }
}
