package dev.oversold.core.platform.vmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.MemoryIo;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.memory.TenantMemoryConfig;
import org.junit.jupiter.api.Test;

final class EsxiReclaimerTest {
  private static final long PAGE = Pages.PAGE_BYTES;

  private static TenantMemory vm(HostMemory host, String name, long reservationPages) {
    TenantMemory vm =
        host.add(
            name,
            new TenantMemoryConfig(
                200_000 * PAGE,
                200_000 * PAGE,
                0,
                reservationPages * PAGE,
                1,
                TenantMemoryConfig.Kind.VM_ON_DEMAND),
            new RandomStream(1));
    vm.connect(MemoryIo.NONE, c -> {}, () -> {});
    return vm;
  }

  @Test
  void balloon_inSoftStateTakesFromTheIdleVmByTheIdleTax() {
    // 1 GiB host = 262144 pages; minFree = 899 MiB = 230144 pages; soft below 0.64 * minFree =
    // 147292.16. VM a (idle) holds 50000 + 98 page tables; VM b touched 100000 pages (active
    // fraction 1) and grows to 70000 + 137. Used 120235, free 141909: soft. Target: free back to
    // 230144, so the VMs keep 32000 pages. Weights shares / (f + 4 (1 - f)) (tax 75% -> k = 4):
    // a 1/4, b 1. keep = lambda * w: 1.25 lambda = 32000 -> a keeps 6400, b 25600; the balloon
    // takes 43698 from a and 44537 from b, within what each can give (its pages fit its swap).
    Simulation simulation = new Simulation();
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            HostMemoryConfig.simple(1L << 30, 1L << 32, new EsxiReclaimer(0.75, 0.65, 0.10)));
    TenantMemory a = vm(host, "a", 0);
    TenantMemory b = vm(host, "b", 0);
    a.allocate(50_000 * PAGE);
    b.allocate(50_000 * PAGE);
    b.touch(100_000 * PAGE, () -> {});
    b.allocate(20_000 * PAGE);
    assertEquals(43_698, a.balloonPages());
    assertEquals(44_537, b.balloonPages());
    assertEquals(230_144, host.freePages());
    assertEquals(EsxiMemoryState.CLEAR, EsxiReclaimer.state(host));
    assertEquals(0, host.swapUsedPages());
  }

  @Test
  void balloon_neverTakesAVmBelowItsReservation() {
    // The same, with a reserving 40000 pages. Floors: a 40000 (reservation), b 137 (its page
    // tables; its 70000 anonymous pages fit its swap). The floors, 40137, exceed the 32000 the
    // VMs should keep, so they are honoured and only what lies above goes: a keeps 40000, b 137;
    // free = 262144 - 40137 = 222007 (below clear, but reservations win).
    Simulation simulation = new Simulation();
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            HostMemoryConfig.simple(1L << 30, 1L << 32, new EsxiReclaimer(0.75, 0.65, 0.10)));
    TenantMemory a = vm(host, "a", 40_000);
    TenantMemory b = vm(host, "b", 0);
    a.allocate(50_000 * PAGE);
    b.allocate(50_000 * PAGE);
    b.touch(100_000 * PAGE, () -> {});
    b.allocate(20_000 * PAGE);
    assertEquals(40_000, a.hostRamPages());
    assertEquals(137, b.hostRamPages());
    assertEquals(222_007, host.freePages());
  }
}
