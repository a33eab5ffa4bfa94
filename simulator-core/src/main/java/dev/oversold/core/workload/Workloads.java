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
    WorkloadKind<?> kind = BY_SPEC.get(spec.getClass());
    if (kind == null) {
      throw new IllegalArgumentException(
          "workload spec "
              + spec.getClass().getName()
              + " is not a registered workload kind (add its KIND to Workloads)");
    }
    return kind;
  }

  /** A fresh runtime workload for {@code spec}. */
  public static Workload create(WorkloadSpec spec) {
    return of(spec).create(spec);
  }
}
