package dev.oversold.core.workload;

import dev.oversold.core.model.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The registry of workload kinds: one line per kind. */
public final class Workloads {
  private static final Map<Class<? extends WorkloadSpec>, Function<WorkloadSpec, Workload>>
      REGISTRY = new LinkedHashMap<>();

  static {
    register(WorkloadSpec.Service.class, ServiceWorkload::new);
    register(WorkloadSpec.Batch.class, BatchWorkload::new);
    register(WorkloadSpec.CpuHog.class, CpuHogWorkload::new);
    register(WorkloadSpec.MemoryBomb.class, MemoryBombWorkload::new);
    register(WorkloadSpec.ForkBomb.class, ForkBombWorkload::new);
    register(WorkloadSpec.DiskHog.class, DiskHogWorkload::new);
    register(WorkloadSpec.NetFlood.class, NetFloodWorkload::new);
    register(WorkloadSpec.Idle.class, spec -> new IdleWorkload());
  }

  private Workloads() {}

  private static <S extends WorkloadSpec> void register(
      Class<S> specType, Function<S, Workload> factory) {
    REGISTRY.put(specType, spec -> factory.apply(specType.cast(spec)));
  }

  public static Workload create(WorkloadSpec spec) {
    Function<WorkloadSpec, Workload> factory = REGISTRY.get(spec.getClass());
    if (factory == null) {
      throw new IllegalArgumentException(
          "workload kind " + spec.kind() + " is not implemented yet");
    }
    return factory.apply(spec);
  }
}
