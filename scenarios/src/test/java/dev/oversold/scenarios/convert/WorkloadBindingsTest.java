package dev.oversold.scenarios.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.dto.WorkloadDto;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario bindings cover exactly the core's workload kinds, each under its own name. */
final class WorkloadBindingsTest {
  private static List<WorkloadBinding<?, ?>> all() {
    return List.of(
        new ServiceBinding(),
        new BatchBinding(),
        new CpuHogBinding(),
        new MemoryBombBinding(),
        new ForkBombBinding(),
        new DiskHogBinding(),
        new NetFloodBinding(),
        new IdleBinding());
  }

  @Test
  void registry_bindsTheContractsKindsInItsOrder() {
    // The contract (user-contract.md section 1): service | batch | cpu-hog | memory-bomb |
    // fork-bomb | disk-hog | net-flood | idle.
    assertEquals(
        List.of(
            "service",
            "batch",
            "cpu-hog",
            "memory-bomb",
            "fork-bomb",
            "disk-hog",
            "net-flood",
            "idle"),
        List.copyOf(WorkloadBindings.keysDocs().keySet()));
    assertEquals(
        List.of(
            WorkloadDto.Service.class,
            WorkloadDto.Batch.class,
            WorkloadDto.CpuHog.class,
            WorkloadDto.MemoryBomb.class,
            WorkloadDto.ForkBomb.class,
            WorkloadDto.DiskHog.class,
            WorkloadDto.NetFlood.class,
            WorkloadDto.Idle.class),
        WorkloadBindings.dtoTypes());
  }

  @Test
  void checked_aCoreKindWithoutBinding_isAnError() {
    List<WorkloadBinding<?, ?>> missingIdle = new ArrayList<>(all());
    missingIdle.remove(missingIdle.size() - 1);
    var error =
        assertThrows(
            IllegalStateException.class,
            () -> WorkloadBindings.checked(Workloads.all(), missingIdle));
    assertTrue(error.getMessage().contains("idle"), error.getMessage());
  }

  @Test
  void checked_aBindingWithoutCoreKind_isAnError() {
    List<WorkloadKind<?>> kinds = new ArrayList<>(Workloads.all());
    kinds.remove(0);
    assertThrows(IllegalStateException.class, () -> WorkloadBindings.checked(kinds, all()));
  }

  /** Binds idle, but with the DTO written as kind cpu-hog. */
  private static final class Misnamed implements WorkloadBinding<WorkloadSpec.Idle, WorkloadDto> {
    @Override
    public WorkloadKind<WorkloadSpec.Idle> kind() {
      return Workloads.ofType(WorkloadSpec.Idle.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<WorkloadDto> dtoType() {
      return (Class<WorkloadDto>) (Class<?>) WorkloadDto.CpuHog.class;
    }

    @Override
    public String keysDoc() {
      return "";
    }

    @Override
    public WorkloadSpec.Idle convert(
        WorkloadDto dto, WorkloadSpec.Window window, String path, Context context, int vcpus) {
      return new WorkloadSpec.Idle(window);
    }

    @Override
    public List<String> write(WorkloadSpec.Idle spec) {
      return List.of();
    }
  }

  @Test
  void checked_aDtoNamedUnlikeItsKind_isAnError() {
    List<WorkloadBinding<?, ?>> bindings = new ArrayList<>(all());
    bindings.set(bindings.size() - 1, new Misnamed());
    var error =
        assertThrows(
            IllegalStateException.class, () -> WorkloadBindings.checked(Workloads.all(), bindings));
    assertTrue(error.getMessage().contains("cpu-hog"), error.getMessage());
  }

  /** A spec no kind declares. */
  private record Unregistered(WorkloadSpec.Window window) implements WorkloadSpec {}

  /** A DTO no binding declares. */
  private record UnboundDto(
      dev.oversold.scenarios.units.TimeSpan start, dev.oversold.scenarios.units.TimeSpan stop)
      implements WorkloadDto {}

  @Test
  void write_anUnregisteredKind_isAnErrorNotAnOmission() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WorkloadBindings.write(new Unregistered(WorkloadSpec.Window.ALWAYS)));
  }

  @Test
  void convert_anUnboundDto_isAnError() {
    assertThrows(
        IllegalArgumentException.class, () -> WorkloadBindings.of(new UnboundDto(null, null)));
  }

  @Test
  void write_putsKindFirstAndStartAlwaysAndStopOnlyWhenItStops() {
    // A cpu-hog of 3 threads from 2 s to 1 min: every key explicit, durations in their largest
    // exact unit.
    var hog =
        new WorkloadSpec.CpuHog(
            3,
            new WorkloadSpec.Window(
                dev.oversold.core.engine.SimDuration.ofSeconds(2),
                dev.oversold.core.engine.SimDuration.ofSeconds(60)));
    assertEquals(
        List.of("kind: cpu-hog", "threads: 3", "start: 2s", "stop: 1m"),
        WorkloadBindings.write(hog));
    assertEquals(
        List.of("kind: idle", "start: 0ms"),
        WorkloadBindings.write(new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS)));
  }
}
