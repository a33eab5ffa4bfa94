package dev.oversold.core.kernel;

import static dev.oversold.core.fixtures.Scenarios.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class KernelTablesTest {
  @Test
  void beancounter_refusalCountsInFailcntAndKeepsMaxheld() {
    // numproc 3: three forks pass (held 3, maxheld 3), the fourth is refused (failcnt 1); after two
    // exits held is 1 and maxheld stays 3.
    var hostKernel = new HostKernel(host("h", PlatformKind.OPENVZ, 1));
    var ct = new ContainerKernel("ct", hostKernel, Map.of(KernelObject.PROCESS, 3L));
    for (int i = 0; i < 3; i++) {
      assertTrue(ct.allocate(KernelObject.PROCESS, 1));
    }
    assertFalse(ct.allocate(KernelObject.PROCESS, 1));
    ct.release(KernelObject.PROCESS, 2);
    KernelTable numproc = ct.own(KernelObject.PROCESS);
    assertEquals(1, numproc.held());
    assertEquals(3, numproc.maxHeld());
    assertEquals(1, numproc.failCount());
    assertEquals(1, hostKernel.table(KernelObject.PROCESS).held());
  }

  @Test
  void containerAtItsNumproc_doesNotRefuseAnotherContainer() {
    var hostKernel = new HostKernel(host("h", PlatformKind.OPENVZ, 1));
    var bomb = new ContainerKernel("bomb", hostKernel, Map.of(KernelObject.PROCESS, 100L));
    var victim = new ContainerKernel("victim", hostKernel, Map.of(KernelObject.PROCESS, 100L));
    while (bomb.allocate(KernelObject.PROCESS, 1)) {
      // fork until refused
    }
    assertEquals(100, bomb.held(KernelObject.PROCESS));
    assertTrue(victim.allocate(KernelObject.PROCESS, 1));
    assertEquals(0, victim.own(KernelObject.PROCESS).failCount());
  }

  @Test
  void fullHostTable_refusesAContainerBelowItsOwnLimit() {
    // pid-max 400, beancounters of 1000 (oversold): the bomb takes all 400 host pids; the
    // victim's fork fails on the host table although its own numproc has room. The host table
    // counts the failure; the victim's beancounter does not.
    var hostKernel =
        new HostKernel(host("h", PlatformKind.OPENVZ, 1, 1.0, Map.of("pid-max", 400.0)));
    var bomb = new ContainerKernel("bomb", hostKernel, Map.of(KernelObject.PROCESS, 1000L));
    var victim = new ContainerKernel("victim", hostKernel, Map.of(KernelObject.PROCESS, 1000L));
    int forks = 0;
    while (bomb.allocate(KernelObject.PROCESS, 1)) {
      forks++;
    }
    assertEquals(400, forks);
    assertFalse(victim.allocate(KernelObject.PROCESS, 1));
    assertEquals(0, victim.held(KernelObject.PROCESS));
    assertEquals(0, victim.own(KernelObject.PROCESS).failCount());
    assertEquals(2, hostKernel.table(KernelObject.PROCESS).failCount());
  }

  @Test
  void guestKernels_areIsolated() {
    var a =
        new GuestKernel(
            "a",
            Map.of(
                KernelObject.PROCESS, 10L, KernelObject.FILE, 8192L, KernelObject.CONNTRACK, 5L));
    var b =
        new GuestKernel(
            "b",
            Map.of(
                KernelObject.PROCESS, 10L, KernelObject.FILE, 8192L, KernelObject.CONNTRACK, 5L));
    assertTrue(a.allocate(KernelObject.CONNTRACK, 5));
    assertFalse(a.allocate(KernelObject.CONNTRACK, 1));
    assertTrue(b.allocate(KernelObject.CONNTRACK, 5));
    assertEquals(1, a.own(KernelObject.CONNTRACK).failCount());
  }

  @Test
  void guestKernelPolicy_sizesTablesFromThePlan() {
    // 1 GiB guest: file-max = 1 GiB / 10 KiB = 104857; conntrack min(65536, 1 GiB / 16 KiB =
    // 65536) = 65536; processes = the plan's limit 256.
    var plan = dev.oversold.core.fixtures.Scenarios.plan(1);
    var tenant = dev.oversold.core.fixtures.Scenarios.hog("t", "h", plan, 1);
    var hostSpec = host("h", PlatformKind.KVM, 1);
    var guest = KernelPolicy.GUEST_KERNEL.tenantKernel(new HostKernel(hostSpec), hostSpec, tenant);
    assertEquals(104_857, guest.own(KernelObject.FILE).limit());
    assertEquals(65_536, guest.own(KernelObject.CONNTRACK).limit());
    assertEquals(256, guest.own(KernelObject.PROCESS).limit());
  }
}
