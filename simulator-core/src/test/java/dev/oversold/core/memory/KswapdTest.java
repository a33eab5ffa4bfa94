package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.kvm.KvmReclaimer;
import dev.oversold.core.platform.memory.SharedKernelReclaimer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * kswapd and direct reclaim on a KVM host with watermarks min 100, low 200, high 300 pages, 10,000
 * pages of RAM. Reclaim batch: max(SWAP_CLUSTER_MAX 32, (300 - 200) / 16 = 6) = 32 pages. kswapd's
 * CPU is an idle reference core (1 us per page: 32 us a batch); the swap device is idle and writes
 * a page in 10 us, no contention (each write batch completes 10 us x pages after it is issued).
 */
final class KswapdTest {
  private static final long PAGE = Pages.PAGE_BYTES;
  private static final long WRITE_NANOS_PER_PAGE = 10 * SimTime.MICROSECOND;

  private final Simulation simulation = new Simulation();

  /** Writes complete after 10 us a page; reads at once. */
  private final MemoryIo io =
      new MemoryIo() {
        @Override
        public void faultReads(long pages, Runnable done) {
          done.run();
        }

        @Override
        public void swapWrites(long pages, boolean hostSwap, Runnable written) {
          simulation.scheduleAfter(pages * WRITE_NANOS_PER_PAGE, written);
        }
      };

  private TenantMemory vm(HostMemory host) {
    TenantMemory vm =
        host.add(
            "vm",
            new TenantMemoryConfig(20_000 * PAGE, 0, 0, 0, 1, TenantMemoryConfig.Kind.VM_ON_DEMAND),
            new RandomStream(1));
    vm.connect(io, c -> {}, () -> {});
    return vm;
  }

  private HostMemory host(boolean withKswapd) {
    return host(
        withKswapd, new KvmReclaimer(false, 0.5, Optional.of(new Watermarks(100, 200, 300))));
  }

  /** The same host as one Linux kernel shared by process groups (bare metal) or containers. */
  private HostMemory sharedKernel() {
    return host(true, new SharedKernelReclaimer(Optional.of(new Watermarks(100, 200, 300))));
  }

  /** A process group of a shared kernel (bare metal): no limit of its own in the way. */
  private TenantMemory group(HostMemory host) {
    TenantMemory group =
        host.add(
            "group",
            new TenantMemoryConfig(
                20_000 * PAGE, 0, 0, 0, 1, TenantMemoryConfig.Kind.PROCESS_GROUP),
            new RandomStream(1));
    group.connect(io, c -> {}, () -> {});
    return group;
  }

  private HostMemory host(boolean withKswapd, HostReclaimer reclaimer) {
    HostMemory host =
        new HostMemory(
            "h", simulation, HostMemoryConfig.simple(10_000 * PAGE, 100_000 * PAGE, reclaimer));
    if (withKswapd) {
      host.connectKswapd(
          (work, done) -> simulation.scheduleAfter(Math.round(work * SimTime.SECOND), done));
    }
    return host;
  }

  @Test
  void kswapd_reclaimsFromLowToHighInTheBackgroundAtCpuPlusWriteTime() {
    // 9,850 pages + ceil(9,850 / 512) = 20 page tables = 9,870 in RAM: 130 free, below low (200),
    // above min (100): kswapd wakes, the allocation itself does not wait. Each batch: 32 us of CPU,
    // then 32 pages swapped (320 us of writes) before the next: 352 us a batch. 130 -> 300 is 170
    // pages: five full batches (reclaims at 32, 384, 736, 1088, 1440 us; written by 1760 us), then
    // a sixth whose CPU ends at 1792 us and frees the last 10 pages (written at 1892 us). A page
    // under writeback keeps its frame until its write completes: batch k's 32 pages become free at
    // its write's end, 352 k us (352, 704, 1056, 1408, 1760), the last 10 at 1892 us.
    HostMemory host = host(true);
    TenantMemory vm = vm(host);
    long[] doneAt = {-1};
    vm.allocate(9_850 * PAGE, accepted -> doneAt[0] = simulation.now());
    assertEquals(0, doneAt[0]);
    assertEquals(130, host.freePages());
    simulation.runUntil(1_000 * SimTime.MICROSECOND);
    // By 1 ms three batches were taken (32, 384, 736 us) but only two written (352, 704 us): 130 +
    // 2 x 32 = 194 free, the third batch's 32 pages still under writeback (226 once written).
    assertEquals(194, host.freePages());
    assertEquals(32, host.writebackPages());
    assertEquals(226, host.freeAfterWritebackPages());
    simulation.runUntil(1_891 * SimTime.MICROSECOND);
    assertEquals(290, host.freePages()); // the sixth batch's 10 pages are written at 1892 us
    simulation.runUntil(1_892 * SimTime.MICROSECOND);
    assertEquals(300, host.freePages());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(300, host.freePages());
    assertEquals(6, host.kswapdBatches());
    assertEquals(170, host.kswapdReclaimedPages());
    assertEquals(0, host.directReclaims());
    assertEquals(0, vm.reclaimStalls());
  }

  @Test
  void directReclaim_belowMinWhileKswapdLags_stallsTheAllocatorForItsWrites() {
    // As above, 130 free and kswapd woken at 0. At once 50 more pages: 9,900 + 20 page tables =
    // 9,920, 80 free, below min (100): the allocating VM reclaims one batch itself, up to
    // min(high 300, min 100 + 32) = 132 free: 52 pages, written in 52 x 10 us = 520 us. They stay
    // in RAM under writeback until then (80 free, 132 once written). Its allocation completes when
    // they are written: at 520 us. (kswapd's first batch reclaims only at 32 us.)
    HostMemory host = host(true);
    TenantMemory vm = vm(host);
    vm.allocate(9_850 * PAGE, accepted -> {});
    long[] doneAt = {-1};
    vm.allocate(50 * PAGE, accepted -> doneAt[0] = simulation.now());
    assertEquals(80, host.freePages());
    assertEquals(52, host.writebackPages());
    assertEquals(132, host.freeAfterWritebackPages());
    assertEquals(1, host.directReclaims());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(520 * SimTime.MICROSECOND, doneAt[0]);
    assertEquals(1, vm.reclaimStalls());
    assertEquals(520 * SimTime.MICROSECOND, vm.reclaimStallNanos());
  }

  @Test
  void withoutKswapd_reclaimBetweenTheWatermarksStartsAtOnceAndNobodyWaits() {
    // No CPU for kswapd (the accounting alone): the same 130-free allocation starts reclaim to high
    // at once (170 pages under writeback), above min, so it is not direct reclaim: no stall. The
    // frames are free when the write completes, 170 x 10 us = 1.7 ms later.
    HostMemory host = host(false);
    TenantMemory vm = vm(host);
    long[] doneAt = {-1};
    vm.allocate(9_850 * PAGE, accepted -> doneAt[0] = simulation.now());
    assertEquals(130, host.freePages());
    assertEquals(170, host.writebackPages());
    simulation.runUntil(1_700 * SimTime.MICROSECOND - 1);
    assertEquals(130, host.freePages());
    simulation.runUntil(1_700 * SimTime.MICROSECOND);
    assertEquals(300, host.freePages());
    assertEquals(0, host.writebackPages());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(0, doneAt[0]);
    assertEquals(0, vm.reclaimStalls());
  }

  @Test
  void sharedKernel_kswapdStartsWritingAtLowBeforeFramesAreNeeded() {
    // A shared kernel has kswapd too. The same figures as on KVM: 9,850 pages + 20 page tables =
    // 9,870 in RAM, 130 free: below low, above min, so the group's allocation completes at once
    // and kswapd takes its cold anonymous pages to host swap in six batches (five of 32, one of
    // 10: 170 pages), each 32 us of CPU then 10 us a page of writes; free reaches high (300) when
    // the last batch is written at 1,892 us. Before, a shared kernel reclaimed only once free
    // memory was below 0, in the allocating task: here nothing at all would have been written.
    HostMemory host = sharedKernel();
    TenantMemory group = group(host);
    long[] doneAt = {-1};
    group.allocate(9_850 * PAGE, accepted -> doneAt[0] = simulation.now());
    assertEquals(0, doneAt[0]);
    assertEquals(130, host.freePages());
    simulation.runUntil(1_000 * SimTime.MICROSECOND);
    assertEquals(194, host.freePages()); // two batches written, the third under writeback
    assertEquals(32, host.writebackPages());
    simulation.runUntil(1_891 * SimTime.MICROSECOND);
    assertEquals(290, host.freePages());
    simulation.runUntil(1_892 * SimTime.MICROSECOND);
    assertEquals(300, host.freePages());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(6, host.kswapdBatches());
    assertEquals(170, host.kswapdReclaimedPages());
    assertEquals(170, group.hostSwappedPages());
    assertEquals(0, host.directReclaims());
    assertEquals(0, group.reclaimStalls());
  }

  @Test
  void sharedKernel_allocatorStallsOnlyBelowMin() {
    // As on KVM: 80 free after 50 more pages, below min (100): the allocating group reclaims one
    // batch itself, to min + 32 = 132 free: 52 pages written in 520 us, which its request waits
    // for. Its first allocation (130 free, above min) did not wait.
    HostMemory host = sharedKernel();
    TenantMemory group = group(host);
    long[] firstAt = {-1};
    group.allocate(9_850 * PAGE, accepted -> firstAt[0] = simulation.now());
    long[] doneAt = {-1};
    group.allocate(50 * PAGE, accepted -> doneAt[0] = simulation.now());
    assertEquals(0, firstAt[0]);
    assertEquals(80, host.freePages());
    assertEquals(52, host.writebackPages());
    assertEquals(1, host.directReclaims());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(520 * SimTime.MICROSECOND, doneAt[0]);
    assertEquals(1, group.reclaimStalls());
    assertEquals(520 * SimTime.MICROSECOND, group.reclaimStallNanos());
  }
}
