package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test disk: 1000 IOPS (1 ms per random 4 KiB op), 100 MB/s, 100 us latency. */
final class SharedDiskTest {
  private static final long GIB = 1L << 30;

  private static long timeOf(Hosts hosts, Runnable start, long[] doneAt) {
    start.run();
    hosts.simulation.runUntil(10 * SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void fault_onAnIdleDeviceCostsOneRandomReadPlusTheLatency() {
    // One fault: 1 / 1000 IOPS = 1 ms of device time, then 100 us of latency = 1.1 ms.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "bare-metal", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("t", "h", GIB, Map.of())));
    long[] doneAt = {-1};
    SharedDisk disk = (SharedDisk) hosts.tenant(0).disk();
    timeOf(hosts, () -> disk.faultReads(1, () -> doneAt[0] = hosts.simulation.now()), doneAt);
    assertEquals(1_100 * SimTime.MICROSECOND, doneAt[0]);
  }

  @Test
  void fault_touchedThroughMemoryIsOneReadAfterTheSwapOutItForces() {
    // Bare metal, a process group with 1 page of RAM (its page table): 10 pages live in host
    // swap. At 1 s, touching 1 page needs a frame: at its RAM limit the group reclaims itself
    // (memcg limit reclaim) and pushes one page out (a sequential 4 KiB write: 4096 / 100e6 s =
    // 40.96 us, then 100 us of latency, alone on the idle device: 140.96 us); the frame is free
    // once written, then the fault reads the page into it (one 4 KiB read, 1 ms + 100 us):
    // 140.96 + 1100 = 1240.96 us. (Before the write completion was waited for, the read and the
    // write ran together and the touch took 1140.96 us.)
    Hosts hosts =
        new Hosts(
            Specs.host("h", "bare-metal", 8 * GIB, GIB, Map.of()),
            List.of(
                new TenantSpec(
                    "t",
                    "h",
                    Specs.plan("t", Pages.PAGE_BYTES, GIB, Map.of()),
                    new dev.oversold.core.model.WorkloadSpec.Idle(
                        dev.oversold.core.model.WorkloadSpec.Window.ALWAYS))));
    TenantRuntime tenant = hosts.tenant(0);
    tenant.memory().allocate(10 * Pages.PAGE_BYTES);
    long[] doneAt = {-1};
    hosts.simulation.schedule(
        SimTime.SECOND,
        () -> tenant.memory().touch(Pages.PAGE_BYTES, () -> doneAt[0] = hosts.simulation.now()));
    hosts.simulation.runUntil(2 * SimTime.SECOND);
    assertEquals(SimTime.SECOND + 1_240_960, doneAt[0], 3.0);
    assertEquals(1, tenant.recorder().majorFaults());
  }

  @Test
  void writeback_ofAHeavyWriterDelaysANeighboursRead() {
    // OpenVZ: the writer dirties 40 MB in the shared page cache (done at once, below the dirty
    // limit); the flusher writes it back in 4 MiB chunks (41.9 ms each at 100 MB/s) on its own
    // share. A neighbour's single random read (1 ms) shares the device with the flusher at half
    // rate: done after 2 ms, plus 100 us latency = 2.1 ms (alone it would take 1.1 ms).
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(
                Specs.idleTenant("writer", "h", GIB, Map.of()),
                Specs.idleTenant("reader", "h", GIB, Map.of())));
    long[] written = {-1};
    long[] read = {-1};
    hosts
        .tenant(0)
        .disk()
        .io(10, 4_000_000, true, false, () -> written[0] = hosts.simulation.now());
    hosts.tenant(1).disk().io(1, 4096, false, true, () -> read[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(0, written[0]);
    assertEquals(2_100 * SimTime.MICROSECOND, read[0]);
  }

  @Test
  void xenGuestIo_costsDom0CpuBeforeTheDevice() {
    // blkback: 15 us of dom0 CPU per operation (idle dom0, speed-1 cores), then 1 ms of device
    // time and 100 us latency: 1.115 ms.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "xen", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("g", "h", GIB, Map.of())));
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4096, false, true, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(1_115 * SimTime.MICROSECOND, doneAt[0]);
  }

  @Test
  void kvmGuestIo_costsTheVmsIothreadCpuBeforeTheDevice() {
    // QEMU iothread: 10 us per operation, then 1 ms + 100 us: 1.110 ms.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "kvm", 16 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("vm", "h", GIB, Map.of())));
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4096, false, true, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(1_110 * SimTime.MICROSECOND, doneAt[0]);
  }

  @Test
  void limitedContainer_writesAtItsLimitInsteadOfThroughTheSharedCache() {
    // OpenVZ iolimit 10 MB/s on a 100 MB/s device: a budget of 0.1 device-second per second,
    // enforced per 100 ms slice = 0.01 device-s per slice. 1 MB written sequentially costs
    // 1e6 / 100e6 = 0.01 device-s: it fits the first slice and runs at device speed, 10 ms,
    // + 100 us latency. (Through the shared cache it would complete at once.)
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("writer", "h", GIB, Map.of("iolimit", 10e6))));
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 1_000_000, true, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(10_100 * SimTime.MICROSECOND, doneAt[0], 2.0);
  }

  @Test
  void limitedContainer_pastItsSliceBudget_waitsForTheNextSlice() {
    // Same limit, 2 MB: 0.02 device-s. The first 0.01 runs at device speed (0-10 ms) and uses
    // the slice's budget; the tenant is throttled until the next slice at 100 ms, where the
    // second 0.01 runs (100-110 ms); + 100 us latency = 110.1 ms. A fluid cap would take 0.2 s.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("writer", "h", GIB, Map.of("iolimit", 10e6))));
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 2_000_000, true, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(110_100 * SimTime.MICROSECOND, doneAt[0], 2.0);
  }
}
