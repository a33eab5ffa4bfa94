package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.kvm.KvmReclaimer;
import org.junit.jupiter.api.Test;

final class PageSharingTest {
  private static final long PAGE = Pages.PAGE_BYTES;

  private static HostMemory kvm(Simulation simulation, long ramPages, boolean balloon) {
    return new HostMemory(
        "h",
        simulation,
        HostMemoryConfig.simple(ramPages * PAGE, 0, new KvmReclaimer(balloon, 0.5)));
  }

  private static TenantMemory vm(HostMemory host, String name, long ramPages, long swapPages) {
    TenantMemory vm =
        host.add(
            name,
            new TenantMemoryConfig(
                ramPages * PAGE, swapPages * PAGE, 0, 0, 1, TenantMemoryConfig.Kind.VM_ON_DEMAND),
            new RandomStream(1));
    vm.connect(MemoryIo.NONE, c -> {}, () -> {});
    return vm;
  }

  @Test
  void ksm_scansItsBudgetInProportionAndMergesTheSharedFraction() {
    // 5000 pages/s for 1 s, split by resident anon 10000 : 30000 -> 1250 and 3750 scanned;
    // 10% of them are duplicates: 125 and 375 pages merged; the scan costs 0.05 core-seconds.
    Simulation simulation = new Simulation();
    HostMemory host = kvm(simulation, 1 << 20, false);
    TenantMemory a = vm(host, "a", 20_000, 0);
    TenantMemory b = vm(host, "b", 40_000, 0);
    a.allocate(10_000 * PAGE);
    b.allocate(30_000 * PAGE);
    double[] cpu = {0};
    PageSharing ksm =
        new PageSharing(
            host,
            new PageSharing.Settings(0.10, 5000, 0.05, SimTime.SECOND),
            h -> true,
            work -> cpu[0] += work);
    long before = host.ramUsedPages();
    ksm.scan();
    assertEquals(125, a.sharedPages());
    assertEquals(375, b.sharedPages());
    assertEquals(before - 500, host.ramUsedPages());
    assertEquals(0.05, cpu[0], 1e-12);
  }

  @Test
  void kvmBalloon_returnsAGuestsFreeFramesBeforeTheHostSwapsAnything() {
    // Host 3000 pages. VM a touches 1000 pages (+2 page tables) then frees 800: the host still
    // backs 1002 frames, 800 of them free in the guest. VM b grows to 2200 (+5 page tables):
    // 1002 + 2205 = 3207 > 3000. The balloon takes 207 of a's free frames (balloonable: its 800
    // free frames, capped at 50% of 2000 = 1000); nothing is swapped.
    Simulation simulation = new Simulation();
    HostMemory host = kvm(simulation, 3000, true);
    TenantMemory a = vm(host, "a", 2000, 1000);
    TenantMemory b = vm(host, "b", 4000, 0);
    a.allocate(1000 * PAGE);
    a.free(800 * PAGE);
    assertEquals(1002, a.hostRamPages());
    b.allocate(2200 * PAGE);
    assertEquals(207, a.balloonPages());
    assertEquals(795, a.hostRamPages());
    assertEquals(0, host.swapUsedPages());
    assertEquals(3000, host.ramUsedPages());
    assertEquals(200, a.allocatedPages());
  }
}
