package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.bind.Shapes;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.units.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scenario bindings of the workload kinds: one line per kind, checked when the class loads
 * against the core's {@link Workloads} (same kinds, same order, DTO named like the kind), so a kind
 * bound here but not in the core, or the reverse, fails every load instead of being dropped.
 */
public final class WorkloadBindings {
  private static final List<WorkloadBinding<?, ?>> BINDINGS =
      checked(
          Workloads.all(),
          List.of(
              new ServiceBinding(),
              new BatchBinding(),
              new CpuHogBinding(),
              new MemoryBombBinding(),
              new ForkBombBinding(),
              new DiskHogBinding(),
              new NetFloodBinding(),
              new IdleBinding()));

  private static final Map<Class<?>, WorkloadBinding<?, ?>> BY_DTO = new LinkedHashMap<>();

  static {
    BINDINGS.forEach(binding -> BY_DTO.put(binding.dtoType(), binding));
  }

  private WorkloadBindings() {}

  /** {@code bindings}, after checking that they bind exactly {@code kinds}, in the same order. */
  static List<WorkloadBinding<?, ?>> checked(
      List<WorkloadKind<?>> kinds, List<WorkloadBinding<?, ?>> bindings) {
    List<String> core = kinds.stream().map(WorkloadKind::name).toList();
    List<String> bound = bindings.stream().map(b -> b.kind().name()).toList();
    if (!core.equals(bound)) {
      throw new IllegalStateException(
          "workload kinds of the core " + core + " and of scenario files " + bound + " differ");
    }
    for (WorkloadBinding<?, ?> binding : bindings) {
      String typeName = Shapes.boundTypeName(binding.dtoType());
      if (!binding.kind().name().equals(typeName)) {
        throw new IllegalStateException(
            binding.dtoType().getName()
                + " is written as kind "
                + typeName
                + " but binds "
                + binding.kind().name());
      }
    }
    return List.copyOf(bindings);
  }

  /** The subtypes of {@link WorkloadDto} for the binder and the schema: the DTOs of the kinds. */
  public static final class DtoTypes implements Supplier<List<Class<?>>> {
    @Override
    public List<Class<?>> get() {
      return dtoTypes();
    }
  }

  /** The DTO types of the kinds, in registry order. */
  public static List<Class<?>> dtoTypes() {
    return BINDINGS.stream().<Class<?>>map(WorkloadBinding::dtoType).toList();
  }

  /** The kind names with their "keys (defaults)" docs cell, in registry order. */
  public static Map<String, String> keysDocs() {
    Map<String, String> docs = new LinkedHashMap<>();
    BINDINGS.forEach(binding -> docs.put(binding.kind().name(), binding.keysDoc()));
    return docs;
  }

  /**
   * The workload as YAML flow entries: its kind, its own keys, then start (always) and stop (when
   * it stops). An unregistered kind is an error.
   */
  public static List<String> write(WorkloadSpec workload) {
    WorkloadBinding<?, ?> binding = of(workload);
    List<String> fields = new ArrayList<>();
    fields.add("kind: " + binding.kind().name());
    fields.addAll(binding.writeAny(workload));
    fields.add("start: " + Format.duration(workload.start().nanos()));
    if (workload.stop().nanos() != SimTime.NEVER) {
      fields.add("stop: " + Format.duration(workload.stop().nanos()));
    }
    return fields;
  }

  static WorkloadBinding<?, ?> of(WorkloadSpec workload) {
    WorkloadKind<?> kind = Workloads.of(workload);
    for (WorkloadBinding<?, ?> binding : BINDINGS) {
      if (binding.kind().name().equals(kind.name())) {
        return binding;
      }
    }
    throw new IllegalArgumentException("workload kind " + kind.name() + " has no scenario binding");
  }

  static WorkloadBinding<?, ?> of(WorkloadDto dto) {
    WorkloadBinding<?, ?> binding = BY_DTO.get(dto.getClass());
    if (binding == null) {
      throw new IllegalArgumentException(
          dto.getClass().getName() + " is not the DTO of a registered workload kind");
    }
    return binding;
  }
}
