package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.idle;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.kernel.KernelObject;
import dev.oversold.core.model.PlatformKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class KernelProcessesTest {
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

  @Test
  void openVz_forkGoesThroughNumprocAndTheHostTable() {
    var host = new HostRuntime(host("h", PlatformKind.OPENVZ, 2), new Simulation());
    var ct = tenant(host, "ct", 2);
    assertTrue(ct.processes().fork(0));
    assertTrue(ct.processes().fork(0));
    assertFalse(ct.processes().fork(0));
    assertEquals(2, host.kernel().table(KernelObject.PROCESS).held());
    assertEquals(1, ct.kernel().own(KernelObject.PROCESS).failCount());
    ct.processes().exit(5, 0);
    assertEquals(0, ct.processes().processes());
    assertEquals(0, host.kernel().table(KernelObject.PROCESS).held());
  }

  @Test
  void kvm_guestForksNeverTouchTheHostTable() {
    var host = new HostRuntime(host("h", PlatformKind.KVM, 2), new Simulation());
    var vm = tenant(host, "vm", 3);
    for (int i = 0; i < 3; i++) {
      assertTrue(vm.processes().fork(0));
    }
    assertFalse(vm.processes().fork(0));
    assertEquals(0, host.kernel().table(KernelObject.PROCESS).held());
  }

  @Test
  void fork_refusedByMemoryHoldsNoPid() {
    // The plan has 1 GiB RAM + 1 GiB swap: a process of 3 GiB cannot get its memory, so the fork
    // fails and the pid it took is given back.
    var host = new HostRuntime(host("h", PlatformKind.OPENVZ, 2), new Simulation());
    var ct = tenant(host, "ct", 10);
    assertFalse(ct.processes().fork(3L << 30));
    assertEquals(0, ct.processes().processes());
    assertEquals(0, host.kernel().table(KernelObject.PROCESS).held());
  }
}
