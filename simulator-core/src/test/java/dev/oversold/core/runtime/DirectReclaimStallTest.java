package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Direct reclaim through the block device (test disk: 100 MB/s, 100 us latency). */
final class DirectReclaimStallTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  @Test
  void directReclaimStall_equalsTheSwapOutWritesOnAnIdleDevice() {
    // Bare metal, 64 MiB of RAM = 16,384 pages, no host reserve; one process group with 1 GiB of
    // RAM allowed. The kernel's watermarks for 64 MiB (Watermarks.linux): min_free_kbytes =
    // sqrt(16 x 65,536 KiB) = 1,024 KiB = 256 pages; gap max(256 / 4 = 64, 16,384 x 0.001 = 16) =
    // 64: low 320, high 384; a reclaim batch is max(32, 64 / 16) = 32 pages. The group allocates
    // 17,384 pages: + ceil(17,384 / 512) = 34 page tables = 17,418 pages, 1,034 more than the host
    // has (free -1,034, below min): kswapd is woken (its first batch needs 32 us of CPU first),
    // and the allocating task reclaims itself to min + one batch = 288 free: 1,322 pages to host
    // swap, and waits for them. Through the block device the swap-out is one sequential write on
    // the host's swap queue (chunks of at most 512 KiB); a sequential request pays no positioning
    // on the test device, only its transfer: 1,322 x 4,096 B / 100e6 B/s = 54.14912 ms. The
    // allocation completes then. kswapd goes on from 288 to high (384) in three batches of 32,
    // each written after the one before: 1,322 + 96 = 1,418 pages swapped, 384 free at the end.
    Hosts hosts = hostOf64MiB();
    long doneAt = allocate(hosts, 17_384);
    HostMemory host = hosts.host.memory();
    TenantMemory memory = host.tenants().get(0);
    assertEquals(384, host.freePages());
    assertEquals(1_418, memory.hostSwappedPages());
    assertEquals(3, host.kswapdBatches());
    assertEquals(54_149_120, doneAt, 3.0);
    assertEquals(1, memory.reclaimStalls());
    assertEquals(54_149_120, memory.reclaimStallNanos(), 3.0);
  }

  @Test
  void swapOut_freesItsFramesExactlyWhenTheWriteCompletes() {
    // The first case's 1,322 directly reclaimed pages stay in RAM under writeback (PG_writeback)
    // until their one sequential write completes, 54.14912 ms after it was issued on the idle
    // device: 1 ns before (less the 3 ns the chunks' rounding may add) the host is still 1,034
    // pages short, and 1,354 pages are under writeback (the direct pass's 1,322 and kswapd's first
    // batch of 32, taken after 32 us of its CPU and queued behind); in the completion, as the
    // stalled allocation resumes, the 1,322 are free and swapped (288 free), kswapd's 32 still
    // under writeback.
    Hosts hosts = hostOf64MiB();
    HostMemory host = hosts.host.memory();
    long[] seen = {-1, -1, -1};
    hosts
        .tenant(0)
        .memory()
        .allocate(
            17_384 * Pages.PAGE_BYTES,
            accepted -> {
              seen[0] = hosts.simulation.now();
              seen[1] = host.freePages();
              seen[2] = host.writebackPages();
            });
    assertEquals(-1_034, host.freePages());
    assertEquals(1_322, host.writebackPages());
    assertEquals(288, host.freeAfterWritebackPages());
    hosts.simulation.runUntil(54_149_120 - 4);
    assertEquals(-1_034, host.freePages());
    assertEquals(1_354, host.writebackPages());
    assertEquals(0, host.tenants().get(0).hostSwappedPages());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(54_149_120, seen[0], 3.0);
    assertEquals(288, seen[1]);
    assertEquals(32, seen[2]);
    assertEquals(1_418, host.tenants().get(0).hostSwappedPages());
  }

  @Test
  void directReclaimStall_retriesAfterACongestionWaitUntilItsFramesAreFree() {
    // As above with 20,000 pages: + ceil(20,000 / 512) = 40 page tables = 20,040, 3,656 more than
    // the host's 16,384. The direct pass reclaims to 288 free: 3,944 pages, one sequential write of
    // 3,944 x 4,096 B = 15.4 MiB (31 requests of at most 512 KiB, within nr_requests 128), which
    // takes 3,944 x 4,096 B / 100e6 B/s = 161.54624 ms. Reclaim naps in congestion_wait for at
    // most HZ/10 = 100 ms; at 100 ms the retry finds no free frame (the pages are still under
    // writeback) and waits again, so the allocation completes when the write does, at 161.54624
    // ms. kswapd then adds its three batches of 32: 3,944 + 96 = 4,040 swapped.
    Hosts hosts = hostOf64MiB();
    long doneAt = allocate(hosts, 20_000);
    TenantMemory memory = hosts.host.memory().tenants().get(0);
    assertEquals(4_040, memory.hostSwappedPages());
    assertEquals(161_546_240, doneAt, 3.0);
    assertEquals(1, memory.reclaimStalls());
    assertEquals(161_546_240, memory.reclaimStallNanos(), 3.0);
  }

  @Test
  void hostSwapWrites_waitForRequestSlotsBeyondNrRequests() {
    // Two host swap-out writes of 50 MiB each: 100 requests of 512 KiB (max_sectors_kb) apiece.
    // nr_requests is 128: the first takes 100 slots, the second (100 more) waits outside the
    // scheduler until the first completes, at 52,428,800 B / 100e6 B/s = 524.288 ms (sequential,
    // no positioning on the test device); it then completes 524.288 ms later, at 1,048.576 ms.
    Hosts hosts = hostOf64MiB();
    HostStorage storage = hosts.host.storage();
    long[] writtenAt = {-1, -1};
    storage.submitSwapWrite(50 * MIB, () -> writtenAt[0] = hosts.simulation.now());
    storage.submitSwapWrite(50 * MIB, () -> writtenAt[1] = hosts.simulation.now());
    assertEquals(1, storage.swapWritesWaiting());
    hosts.simulation.runUntil(524_288_000 - 100);
    assertEquals(1, storage.swapWritesWaiting());
    hosts.simulation.runUntil(SimTime.SECOND * 2);
    assertEquals(0, storage.swapWritesWaiting());
    assertEquals(524_288_000, writtenAt[0], 100.0);
    assertEquals(1_048_576_000, writtenAt[1], 200.0);
  }

  /** Bare metal, 64 MiB of RAM, no host reserve, one idle process group allowed 1 GiB. */
  private static Hosts hostOf64MiB() {
    return new Hosts(
        Specs.host("h", "bare-metal", 64 * MIB, GIB, Map.of("host-reserved", 0.0)),
        List.of(
            new TenantSpec(
                "t",
                "h",
                Specs.plan("t", GIB, GIB, Map.of()),
                new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS))));
  }

  /** Allocates {@code pages} at time 0, runs 1 s, and returns when the allocation completed. */
  private static long allocate(Hosts hosts, long pages) {
    long[] doneAt = {-1};
    hosts
        .tenant(0)
        .memory()
        .allocate(pages * Pages.PAGE_BYTES, accepted -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }
}
