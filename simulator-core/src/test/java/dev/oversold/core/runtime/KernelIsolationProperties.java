package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.idle;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.PlatformKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Kernel-object isolation: what one tenant's fork storm can and cannot do to another. */
final class KernelIsolationProperties {
  private static TenantRuntime tenant(HostRuntime host, String name, int processLimit) {
    var spec =
        idle(
            name,
            host.spec().name(),
            plan(1, 1, Double.POSITIVE_INFINITY, 0, processLimit, Map.of()));
    var tenant = new TenantRuntime(spec, host, new RandomStreams(1), 0);
    host.add(tenant);
    return tenant;
  }

  /** One step: tenant {@code who} forks ({@code fork}) or one of its processes exits. */
  record Step(int who, boolean fork) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, 3), Arbitraries.of(true, true, true, false))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(400);
  }

  @Provide
  Arbitrary<PlatformKind> vmPlatforms() {
    return Arbitraries.of(PlatformKind.KVM, PlatformKind.XEN, PlatformKind.VMWARE);
  }

  @Property(tries = 100)
  void forkStormInOneVm_neverRefusesAForkInAnother(
      @ForAll("vmPlatforms") PlatformKind platform,
      @ForAll @Size(value = 4) List<@IntRange(min = 1, max = 60) Integer> limits,
      @ForAll @IntRange(min = 0, max = 3) int stormer,
      @ForAll("steps") List<Step> steps) {
    // Tiny host tables: a guest's forks must not touch them at all.
    var host =
        new HostRuntime(host("h", platform, 2, 1.0, Map.of("pid-max", 301.0)), new Simulation());
    List<TenantRuntime> vms = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      vms.add(tenant(host, "vm" + i, limits.get(i)));
    }
    // The storm: the stormer forks far past its own table first.
    for (int i = 0; i < 1000; i++) {
      vms.get(stormer).processes().fork(0);
    }
    assertEquals((int) limits.get(stormer), vms.get(stormer).processes().processes());
    for (Step step : steps) {
      var vm = vms.get(step.who());
      int before = vm.processes().processes();
      if (step.fork()) {
        boolean ok = vm.processes().fork(0);
        // refused only by its own full table
        assertEquals(before < limits.get(step.who()), ok, "vm" + step.who());
      } else {
        vm.processes().exit(1, 0);
      }
    }
  }

  @Property(tries = 100)
  void openVzContainerAtItsNumproc_neverRefusesAnotherContainersFork(
      @ForAll @Size(value = 4) List<@IntRange(min = 1, max = 200) Integer> numproc,
      @ForAll @IntRange(min = 0, max = 3) int stormer,
      @ForAll("steps") List<Step> steps) {
    // The provider keeps the beancounters within the host table: pid-max >= sum of numproc.
    int sum = numproc.stream().mapToInt(Integer::intValue).sum();
    var host =
        new HostRuntime(
            host("h", PlatformKind.OPENVZ, 2, 1.0, Map.of("pid-max", (double) Math.max(301, sum))),
            new Simulation());
    List<TenantRuntime> cts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cts.add(tenant(host, "ct" + i, numproc.get(i)));
    }
    for (int i = 0; i < 1000; i++) {
      cts.get(stormer).processes().fork(0);
    }
    var stormed = cts.get(stormer).kernel().own(dev.oversold.core.kernel.KernelObject.PROCESS);
    assertEquals((long) numproc.get(stormer), stormed.held());
    assertTrue(stormed.failCount() >= 1000 - numproc.get(stormer), "failcnt counts refusals");
    for (Step step : steps) {
      var ct = cts.get(step.who());
      int before = ct.processes().processes();
      if (step.fork()) {
        boolean ok = ct.processes().fork(0);
        assertEquals(before < numproc.get(step.who()), ok, "ct" + step.who());
      } else {
        ct.processes().exit(1, 0);
      }
    }
  }
}
