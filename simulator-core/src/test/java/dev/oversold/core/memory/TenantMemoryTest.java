package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.memory.SharedKernelReclaimer;
import org.junit.jupiter.api.Test;

final class TenantMemoryTest {
  private static final long PAGE = Pages.PAGE_BYTES;
  private static final long VSWAP_DELAY = 100 * SimTime.MICROSECOND;

  private final Simulation simulation = new Simulation();

  private HostMemory openVzHost(long ramPages, long swapPages) {
    return new HostMemory(
        "h",
        simulation,
        new HostMemoryConfig(
            ramPages * PAGE,
            swapPages * PAGE,
            0,
            VSWAP_DELAY,
            0,
            0.5,
            new SharedKernelReclaimer()));
  }

  private static TenantMemoryConfig container(long ramPages, long swapPages) {
    return new TenantMemoryConfig(
        ramPages * PAGE, swapPages * PAGE, 0, 0, 1, TenantMemoryConfig.Kind.CONTAINER_VIRTUAL_SWAP);
  }

  @Test
  void vswap_allocationPastPhyspagesIsSlowedDownPerPageWithoutDiskIo() {
    // physpages 513 pages, vSwap 1000. 512 pages + 1 page table = 513: fits, no delay.
    // 100 more: 612 anon pages need ceil(612/512) = 2 page tables -> 614 used, 614 - 513 = 101
    // pages go to vSwap; each costs the 100 us slowdown: 101 * 100 us = 10.1 ms, and no I/O.
    HostMemory host = openVzHost(1 << 20, 0);
    TenantMemory tenant = host.add("ct", container(513, 1000), new RandomStream(1));
    RecordingIo io = new RecordingIo();
    tenant.connect(io, count -> {}, () -> {});
    long[] doneAt = {-1, -1};
    tenant.allocate(512 * PAGE, accepted -> doneAt[0] = simulation.now());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(0, doneAt[0]);
    tenant.allocate(100 * PAGE, accepted -> doneAt[1] = simulation.now());
    simulation.runUntil(2 * SimTime.SECOND);
    assertEquals(SimTime.SECOND + 101 * VSWAP_DELAY, doneAt[1]);
    assertEquals(101, tenant.tenantSwapPages());
    assertEquals(511, tenant.anonResidentPages());
    assertEquals(0, io.faultReadPages + io.hostSwapWrites + io.tenantSwapWrites);
    // vSwap pages stay in host RAM: 511 anon + 2 page tables + 101 vSwap = 614 pages.
    assertEquals(614, tenant.hostRamPages());
  }

  @Test
  void vswap_touchingSwappedPagesCostsTheSlowdownPerFault() {
    // physpages 1 page: the page table takes it, so all 10 anon pages sit in vSwap and every
    // touched page faults. Touching 3 pages: 3 faults * 100 us, and bringing them in pushes 3
    // pages back out past physpages: 3 * 100 us more. Total 600 us, 3 major faults, no I/O.
    HostMemory host = openVzHost(1 << 20, 0);
    TenantMemory tenant = host.add("ct", container(1, 1000), new RandomStream(7));
    RecordingIo io = new RecordingIo();
    long[] faults = {0};
    tenant.connect(io, count -> faults[0] += count, () -> {});
    assertTrue(tenant.allocate(10 * PAGE));
    long[] doneAt = {-1};
    tenant.touch(3 * PAGE, () -> doneAt[0] = simulation.now());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(600 * SimTime.MICROSECOND, doneAt[0]);
    assertEquals(3, faults[0]);
    assertEquals(0, io.faultReadPages);
  }

  @Test
  void oomInsideTenant_pastRamPlusSwapKillsOnlyThatTenant() {
    // RAM 100 + swap 100 pages. 150 pages + 1 page table fit; 60 more need 210 + 1 > 200.
    HostMemory host = openVzHost(1 << 20, 0);
    TenantMemory bomb = host.add("bomb", container(100, 100), new RandomStream(1));
    TenantMemory victim = host.add("victim", container(100, 100), new RandomStream(2));
    boolean[] killed = {false, false};
    bomb.connect(MemoryIo.NONE, c -> {}, () -> killed[0] = true);
    victim.connect(MemoryIo.NONE, c -> {}, () -> killed[1] = true);
    assertTrue(victim.allocate(50 * PAGE));
    assertTrue(bomb.allocate(150 * PAGE));
    assertFalse(bomb.allocate(60 * PAGE));
    assertTrue(killed[0]);
    assertFalse(killed[1]);
    assertEquals(0, bomb.hostRamPages());
    assertEquals(1, host.tenantOomKills());
    assertEquals(0, host.globalOomKills());
  }

  @Test
  void globalOom_killsTheLargestTenantWhateverCausedTheShortage() {
    // Host: 300 RAM pages, no swap. A big victim holds 200 pages (+1 page table); a small
    // grower holds 50 (+1). The grower asks 60 more: 201 + 111 = 312 > 300 and nothing can be
    // reclaimed (no file cache, no swap). Badness = resident + swapped: victim 201 > grower 111,
    // so the victim dies for its neighbour's allocation and the grower's allocation succeeds.
    HostMemory host = openVzHost(300, 0);
    TenantMemory victim = host.add("victim", container(250, 0), new RandomStream(1));
    TenantMemory grower = host.add("grower", container(250, 0), new RandomStream(2));
    boolean[] killed = {false, false};
    victim.connect(MemoryIo.NONE, c -> {}, () -> killed[0] = true);
    grower.connect(MemoryIo.NONE, c -> {}, () -> killed[1] = true);
    assertTrue(victim.allocate(200 * PAGE));
    assertTrue(grower.allocate(50 * PAGE));
    assertTrue(grower.allocate(60 * PAGE));
    assertTrue(killed[0]);
    assertFalse(killed[1]);
    assertEquals(1, host.globalOomKills());
    assertEquals(111, host.ramUsedPages());
  }

  @Test
  void fault_onAHostSwappedPageIsExactlyOneDiskRead() {
    // Bare-metal process group with RAM 1 page (its page table): its 10 pages all live in the
    // host's swap, so touching one page is one fault and one 4 KiB read, nothing else.
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            HostMemoryConfig.simple(1 << 30, 1 << 30, new SharedKernelReclaimer()));
    TenantMemory tenant =
        host.add(
            "p",
            new TenantMemoryConfig(
                PAGE, 100 * PAGE, 0, 0, 1, TenantMemoryConfig.Kind.PROCESS_GROUP),
            new RandomStream(3));
    RecordingIo io = new RecordingIo();
    tenant.connect(io, c -> {}, () -> {});
    assertTrue(tenant.allocate(10 * PAGE));
    boolean[] done = {false};
    tenant.touch(PAGE, () -> done[0] = true);
    assertTrue(done[0]);
    assertEquals(1, io.faultReadCalls);
    assertEquals(1, io.faultReadPages);
    assertEquals(1, tenant.majorFaults());
  }

  @Test
  void globalOom_sparesATenantWithinItsOomGuarantee() {
    // As above, but the victim has oomguarpages of 250 pages: holding 201 it is spared, so the
    // grower (111 pages) is the one killed, by its own allocation's shortage.
    HostMemory host = openVzHost(300, 0);
    TenantMemory victim =
        host.add(
            "victim",
            new TenantMemoryConfig(
                250 * PAGE, 0, 0, 0, 1, TenantMemoryConfig.Kind.CONTAINER_VIRTUAL_SWAP, 250 * PAGE),
            new RandomStream(1));
    TenantMemory grower = host.add("grower", container(250, 0), new RandomStream(2));
    boolean[] killed = {false, false};
    victim.connect(MemoryIo.NONE, c -> {}, () -> killed[0] = true);
    grower.connect(MemoryIo.NONE, c -> {}, () -> killed[1] = true);
    assertTrue(victim.allocate(200 * PAGE));
    assertTrue(grower.allocate(50 * PAGE));
    assertFalse(grower.allocate(60 * PAGE));
    assertFalse(killed[0]);
    assertTrue(killed[1]);
    assertEquals(201, host.ramUsedPages());
  }
}
