package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every workload kind of the contract has its implementation registered. */
final class WorkloadsTest {
  private static final WorkloadSpec.Window ALWAYS = WorkloadSpec.Window.ALWAYS;

  @Test
  void registry_createsEveryContractKind() {
    var service =
        TestScenarios.cpuService(
            new ArrivalSpec.Poisson(1),
            new Distribution.Constant(0.001),
            1,
            SimDuration.ofSeconds(1));
    var batch =
        new WorkloadSpec.Batch(
            new WorkloadSpec.JobDistribution(1, new Distribution.Constant(1), 1), ALWAYS);
    List<WorkloadSpec> specs =
        List.of(
            service,
            batch,
            new WorkloadSpec.CpuHog(1, ALWAYS),
            new WorkloadSpec.MemoryBomb(1e6, ALWAYS),
            new WorkloadSpec.ForkBomb(1, 0, ALWAYS),
            new WorkloadSpec.DiskHog(1, WorkloadSpec.DiskPattern.RANDOM_READ, 4096, ALWAYS),
            new WorkloadSpec.NetFlood(WorkloadSpec.Direction.RECEIVE, 1e6, 1500, ALWAYS),
            new WorkloadSpec.Idle(ALWAYS));
    List<Class<?>> expected =
        List.of(
            ServiceWorkload.class,
            BatchWorkload.class,
            CpuHogWorkload.class,
            MemoryBombWorkload.class,
            ForkBombWorkload.class,
            DiskHogWorkload.class,
            NetFloodWorkload.class,
            IdleWorkload.class);
    // The contract's kinds, in its order: service | batch | cpu-hog | memory-bomb | fork-bomb |
    // disk-hog | net-flood | idle.
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
        specs.stream().map(spec -> Workloads.of(spec).name()).toList());
    for (int i = 0; i < specs.size(); i++) {
      assertInstanceOf(expected.get(i), Workloads.create(specs.get(i)));
    }
  }

  @Test
  void registry_judgesOnlyServiceAndBatch() {
    // The contract: victims are service and batch tenants; every noisy neighbour and idle is a
    // suspect.
    assertEquals(
        List.of("service", "batch"),
        Workloads.all().stream().filter(WorkloadKind::victim).map(WorkloadKind::name).toList());
  }

  @Test
  void registry_declaresTheContractsProgressUnits() {
    // docs/workloads.md and the contract: requests, core-seconds, bytes, forks, packets... per
    // kind.
    Map<String, String> units = new LinkedHashMap<>();
    Workloads.all().forEach(kind -> units.put(kind.name(), kind.progressUnit()));
    assertEquals(
        Map.of(
            "service", "requests",
            "batch", "core-seconds",
            "cpu-hog", "core-seconds",
            "memory-bomb", "bytes",
            "fork-bomb", "forks",
            "disk-hog", "bytes",
            "net-flood", "bytes",
            "idle", "none"),
        units);
  }

  @Test
  void registry_declaresWhichFiguresEachKindReports() {
    // docs/workloads.md's metrics table: latency_ms for services, jobs for batch, neither for the
    // noisy neighbours and idle.
    Map<String, WorkloadKind.Figures> figures = new LinkedHashMap<>();
    Workloads.all().forEach(kind -> figures.put(kind.name(), kind.figures()));
    Map<String, WorkloadKind.Figures> expected = new LinkedHashMap<>();
    expected.put("service", WorkloadKind.Figures.REQUESTS);
    expected.put("batch", WorkloadKind.Figures.JOBS);
    for (String neighbour :
        List.of("cpu-hog", "memory-bomb", "fork-bomb", "disk-hog", "net-flood", "idle")) {
      expected.put(neighbour, WorkloadKind.Figures.PROGRESS);
    }
    assertEquals(expected, figures);
  }

  /** A spec type that no kind declares. */
  private record Unregistered(WorkloadSpec.Window window) implements WorkloadSpec {}

  @Test
  void registry_refusesAnUnregisteredSpec() {
    var spec = new Unregistered(ALWAYS);
    var error = assertThrows(IllegalArgumentException.class, () -> Workloads.create(spec));
    assertTrue(error.getMessage().contains("Unregistered"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Workloads.of(spec));
    assertEquals(Optional.empty(), Workloads.named("unregistered"));
  }
}
