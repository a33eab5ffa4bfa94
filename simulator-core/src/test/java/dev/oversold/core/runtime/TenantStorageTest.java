package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test disk: 1000 IOPS, 100 MB/s, 100 us latency, derived as HostStorage does: max(1, round(1000 x
 * 100 us)) = 1 unit positioning for 1 / 1000 s = 1 ms, one channel at 100 MB/s, 32 tags. A random 4
 * KiB read on the idle device: 1,000,000 ns positioning + ceil(4096 / 100e6 s) = 40,960 ns transfer
 * = 1,040,960 ns.
 */
final class TenantStorageTest {
  private static final long GIB = 1L << 30;
  private static final long READ = 1_040_960;

  /** A Xen host "h" of 8 GiB with {@code options} and one idle 1 GiB guest "g" on it. */
  private static Hosts xenHost(Map<String, Double> options) {
    return new Hosts(
        Specs.host("h", "xen", 8 * GIB, GIB, options),
        List.of(Specs.idleTenant("g", "h", GIB, Map.of())));
  }

  @Test
  void derivedDevice_hasTheStatedIopsAsUnitsOverPositioning() {
    // Defaults of old files: 20,000 IOPS x 100 us = 2 units of 2 / 20,000 s = 100 us; the test
    // disk: 1000 x 100 us = 0.1 -> 1 unit of 1 ms.
    var defaults =
        HostStorage.profile(
            new dev.oversold.core.model.HostSpec.Disk(
                20_000, 500e6, dev.oversold.core.engine.SimDuration.ofMicros(100)));
    assertEquals(2, defaults.units());
    assertEquals(100_000, defaults.positioning().nanos());
    assertEquals(32, defaults.queueDepth());
    var test = HostStorage.profile(Specs.DISK);
    assertEquals(1, test.units());
    assertEquals(1_000_000, test.positioning().nanos());
  }

  @Test
  void fault_onAnIdleDeviceCostsOneRandomRead() {
    Hosts hosts =
        new Hosts(
            Specs.host("h", "bare-metal", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("t", "h", GIB, Map.of())));
    long[] doneAt = {-1};
    hosts.tenant(0).storage().faultReads(1, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(READ, doneAt[0]);
  }

  @Test
  void fault_touchedThroughMemoryIsOneReadAfterTheSwapOutItForces() {
    // Bare metal, a process group with 1 page of RAM (its page table): 10 pages live in host
    // swap. At 1 s, touching 1 page faults it in (one random 4 KiB read) and, the group being at
    // its RAM limit, first pushes one page out and waits for it (limit reclaim, issue 15): a
    // sequential 4 KiB write, no positioning, 40,960 ns on the channel; then the read, 1 ms of
    // positioning plus 40,960 ns: it ends 40,960 + 1,040,960 ns after 1 s. (Before reclaim took
    // time the write overlapped the read's positioning and the read ended 1,040,960 ns after.)
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
    assertEquals(SimTime.SECOND + 40_960 + READ, doneAt[0]);
    assertEquals(1, tenant.recorder().majorFaults());
  }

  @Test
  void writeback_ofAHeavyWriterDelaysANeighboursRead() {
    // OpenVZ (cfq): the writer dirties 900 MB in the shared page cache of the 8 GiB host. That is
    // above the background threshold (10 % of 8 GiB = 858,993,459 B), so the flusher starts at
    // once, and below the writer's own limit (20 % less 1/8 of it for the only writer:
    // 1,503,238,554 B), so the write is done at once. (Re-derived when dirty limits came in: the
    // 40 MB of before is below the background threshold and would wait 30 s for expiry.) The
    // flusher submits a 4 MiB sequential write on its own queue at t = 0. The
    // block layer splits it at max_sectors_kb (512 KiB): eight chunks of 524,288 B, 5,242,880 ns
    // each on the channel. The queue is async, and with low_latency cfq lets an async queue have
    // one request in the device (per 100 ms since the last sync completion): chunk 1 is dispatched
    // at t = 0. The reader's read arrives at t = 0 and preempts the async slice, but its queue has
    // an idle window (new, not yet seeky) and cfq drains async requests from the device before
    // such a sync queue dispatches: the read goes in when chunk 1 completes at 5,242,880 ns, then
    // 1 ms positioning + 40,960 ns transfer: 6,283,840 ns (alone 1,040,960; unsplit, behind the
    // whole 4 MiB: 41,943,040 + 1,040,960).
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
        .io(10, 90_000_000, true, false, () -> written[0] = hosts.simulation.now());
    hosts.tenant(1).disk().io(1, 4096, false, true, () -> read[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(0, written[0]);
    assertEquals(5_242_880 + READ, read[0]);
  }

  @Test
  void sharedKernel_countsEachTaskOfATenantOnItsOwn() {
    // OpenVZ, 8 GiB host: dirty threshold (long) (8,589,934,592 x 0.20) = 1,717,986,918 B. Two
    // tasks of one container (two threads of a disk hog) each dirty 100 MB, below the background
    // threshold (858,993,459 B): no writeback, no decay (the proportion period is 4 x 2^18 pages =
    // 4 GiB of dirtying). Each task's share of recent dirtying is 1/2, so task_dirty_limit lowers
    // each one's limit by 1/8 x 1/2 of the threshold: 1,717,986,918 - (long) (214,748,364.75 x
    // 0.5) = 1,717,986,918 - 107,374,182 = 1,610,612,736 B. Counted as one task (the five-argument
    // call), the tenant's share is 1 and its limit 1,717,986,918 - 214,748,364 = 1,503,238,554 B.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("hog", "h", GIB, Map.of())));
    Object first = new Object();
    Object second = new Object();
    hosts.tenant(0).disk().io(1, 100_000_000, true, false, first, () -> {});
    hosts.tenant(0).disk().io(1, 100_000_000, true, false, second, () -> {});
    hosts.simulation.runUntil(SimTime.SECOND);
    Writeback wb = hosts.host.writeback();
    assertEquals(1_717_986_918L, wb.thresholdBytes());
    assertEquals(1_610_612_736L, wb.taskLimit(first));
    assertEquals(1_610_612_736L, wb.taskLimit(second));

    Hosts whole =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("hog", "h", GIB, Map.of())));
    whole.tenant(0).disk().io(1, 100_000_000, true, false, () -> {});
    whole.tenant(0).disk().io(1, 100_000_000, true, false, () -> {});
    whole.simulation.runUntil(SimTime.SECOND);
    assertEquals(1_503_238_554L, whole.host.writeback().taskLimit(whole.tenant(0).storage()));
  }

  @Test
  void xenGuestIo_crossesBlkbackInDom0BeforeTheDevice() {
    // blkback: 15 us of dom0 CPU per request (idle dom0, speed-1 cores), then the read: 15,000 +
    // 1,040,960 ns.
    Hosts hosts = xenHost(Map.of());
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4096, false, true, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(15_000 + READ, doneAt[0]);
  }

  @Test
  void xen30Ring_holdsAGuestTo32RequestsOf44KiB() {
    // blkif-ring xen-3.0: a 4 MiB sequential read crosses as ceil(4,194,304 / 45,056) = 94 ring
    // requests (93 of 44 KiB and one of 4,096 B), at most 32 at once. Each costs blkback 15 us of
    // dom0 CPU (one request at a time), then moves over the 100 MB/s channel without positioning
    // (sequential): 450,560 ns for 44 KiB, 40,960 ns for the last. The channel is the bottleneck
    // (450,560 ns against 15,000 ns), so request k completes at 15,000 + k x 450,560 ns.
    // - at 400 us blkback has passed requests 1..26 (the 26th at 390 us, the 27th at 405 us): 26
    //   in the device, where without the ring the whole read would be 1 request;
    // - at 10 ms, 22 have completed (15,000 + 22 x 450,560 = 9,927,320 ns; the 23rd at
    //   10,377,880): 32 + 22 = 54 handed to blkback, 32 on the ring, 40 waiting in the guest;
    // - the read ends with the last request: 15,000 + 93 x 450,560 + 40,960 = 41,958,040 ns, as
    //   without the ring (the channel never idles), but the device served 94 requests, not the 8
    //   512 KiB chunks of the whole read.
    Hosts hosts = xenHost(Map.of("blkif-ring", 1.0));
    var ring = java.util.Objects.requireNonNull(hosts.tenant(0).storage().ring());
    var device = hosts.host.storage().device();
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4L << 20, false, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(400 * SimTime.MICROSECOND);
    assertEquals(26, device.inSystem());
    assertEquals(32, ring.inFlight());
    hosts.simulation.runUntil(10 * SimTime.MILLISECOND);
    assertEquals(22, ring.completed());
    assertEquals(32, ring.inFlight());
    assertEquals(40, ring.waiting());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(41_958_040, doneAt[0]);
    assertEquals(94, device.deviceRequests());
    assertEquals(4L << 20, ring.bytesCompleted());
  }

  @Test
  void fileBackedVbd_aWriteIsDoneWhenCopiedIntoDom0sCache_andDom0WritesItBackAfterItExpires() {
    // vbd: file. A guest's 20-page swap-out (one sequential write of 81,920 B, paging: no blkback
    // CPU) reaches its loop device in dom0, which copies it into dom0's page cache: done at 0 ns,
    // where on phy the device serves it in 81,920 / 100e6 s = 819,200 ns. dom0's cache is under
    // its background threshold (10 % of 1 GiB), so only the periodic flush writes it back: at the
    // first 5 s wake-up at which it is 30 s old (30 s), as one 81,920 B request on the flusher's
    // queue. Before 30 s the device has served nothing; at 40 s every byte is written back.
    Hosts file = xenHost(Map.of("vbd", 1.0));
    var loop = java.util.Objects.requireNonNull(file.tenant(0).storage().loop());
    long[] doneAt = {-1};
    file.tenant(0).storage().swapWrites(20, false, () -> doneAt[0] = file.simulation.now());
    file.simulation.runUntil(29 * SimTime.SECOND);
    assertEquals(0, doneAt[0]);
    assertEquals(81_920, loop.bytesWritten());
    assertEquals(0, file.host.storage().device().deviceRequests());
    var cache = java.util.Objects.requireNonNull(file.host.imageCacheIfStarted());
    assertEquals(81_920, cache.dirtyBytes());
    file.simulation.runUntil(40 * SimTime.SECOND);
    assertEquals(81_920, cache.writtenBackBytes());
    assertEquals(0, cache.dirtyBytes() + cache.writebackBytes());
    assertEquals(1, file.host.storage().device().deviceRequests());

    Hosts phy = xenHost(Map.of());
    assertEquals(null, phy.tenant(0).storage().loop());
    long[] phyDoneAt = {-1};
    phy.tenant(0).storage().swapWrites(20, false, () -> phyDoneAt[0] = phy.simulation.now());
    phy.simulation.runUntil(SimTime.SECOND);
    assertEquals(819_200, phyDoneAt[0]);
  }

  @Test
  void fileBackedVbd_aReadWaitsInTheLoopThreadBehindAWriteThrottledAtDom0sDirtyLimit() {
    // vbd: file, dom0-memory 128 MiB: dom0's 2.6.18 dirty limit is 40 % = 53,687,091 B, and
    // ratelimit_pages 128 MiB / (2 dom0 vCPUs x 32) = 2 MiB, so a throttled writer writes back 1.5
    // x
    // 2 MiB = 3 MiB of the oldest dirty data itself. At 0 another dom0 writer (a neighbour's loop
    // thread) dirties 56 MiB: 58,720,256 B, past the limit, so dirty_exceeded is set and writers
    // are checked every 8 pages. Then the guest writes 8 pages (32 KiB: checked at once, past the
    // limit) and reads 1 page. Its loop thread is held in balance_dirty_pages until the level is at
    // or under the limit or its 3 MiB is written; either needs the 100 MB/s device to complete
    // at least min(58,753,024 - 53,687,091, 3,145,728) = 3,145,728 B: the write returns at
    // 31,457,280 ns at the earliest. The read waits behind it in the loop thread, then takes at
    // least its own 1,040,960 ns. On phy the same read goes to the device at once and is done by
    // 327,680 ns (the 32 KiB write's transfer, had it gone first) + 1,040,960 = 1,368,640 ns.
    Map<String, Double> options = Map.of("vbd", 1.0, "dom0-memory", 128.0 * (1 << 20));
    Hosts file = xenHost(options);
    var cache = file.host.imageCache();
    assertEquals(53_687_091, cache.thresholdBytes());
    cache.write("neighbour", 56L << 20, false, () -> {});
    long[] writeDoneAt = {-1};
    long[] readDoneAt = {-1};
    var storage = file.tenant(0).storage();
    storage.swapWrites(8, false, () -> writeDoneAt[0] = file.simulation.now());
    storage.faultReads(1, () -> readDoneAt[0] = file.simulation.now());
    var loop = java.util.Objects.requireNonNull(storage.loop());
    assertEquals(1, loop.waiting());
    file.simulation.runUntil(10 * SimTime.SECOND);
    assertTrue(writeDoneAt[0] >= 31_457_280, "write returned at " + writeDoneAt[0]);
    assertTrue(readDoneAt[0] >= writeDoneAt[0] + READ, "read done at " + readDoneAt[0]);
    // Upper bounds, derived the same way. At 0 the neighbour's write wakes the flusher (dirty is
    // past the 10 % background threshold), which puts the oldest 4 MiB under writeback, and is
    // itself throttled: it writes back 3 MiB of its own. The guest's write then queues its 3 MiB.
    // All three are sequential and on the device at once (32 tags): they share the one 100 MB/s
    // channel in turn, 10 ns per byte. So the guest's chunk is written by (4 + 3 + 3) MiB =
    // 10,485,760 B x 10 ns = 104,857,600 ns, plus at most one 1 ms positioning had the channel
    // waited for one: the write returns by 105,857,600 ns (the level is then 58,753,024 -
    // 10,485,760 = 48,267,264 B, under the limit). The read then goes to the device. Ahead of it is
    // at most the flusher's next 4 MiB chunk, taken when its first one was written, at 41,943,040
    // ns; the neighbour's write has returned at 73,400,320 ns (the level is then 51,412,992 B,
    // under the limit) and queues no more. So the read is done at most 4 MiB x 10 ns = 41,943,040
    // ns plus its own READ after the write.
    assertTrue(writeDoneAt[0] <= 105_857_600, "write returned at " + writeDoneAt[0]);
    assertTrue(
        readDoneAt[0] <= writeDoneAt[0] + 41_943_040 + READ, "read done at " + readDoneAt[0]);
    assertEquals(4096, loop.bytesRead());

    Hosts phy = xenHost(Map.of("dom0-memory", 128.0 * (1 << 20)));
    long[] phyReadDoneAt = {-1};
    phy.tenant(0).storage().swapWrites(8, false, () -> {});
    phy.tenant(0).storage().faultReads(1, () -> phyReadDoneAt[0] = phy.simulation.now());
    phy.simulation.runUntil(10 * SimTime.SECOND);
    assertTrue(
        phyReadDoneAt[0] > 0 && phyReadDoneAt[0] <= 1_368_640, "phy read at " + phyReadDoneAt[0]);
  }

  @Test
  void
      fileBackedVbd_killedWhileItsLoopThreadIsHeldAtDom0sLimit_completesNothingAndDom0WritesBack() {
    // Setup of the test above (vbd: file, dom0-memory 128 MiB, dom0's limit 53,687,091 B, a
    // neighbour's 56 MiB dirtied first): the guest's 8-page write is copied into dom0's cache
    // (32,768 B dirtied at once, balance_dirty_pages then holds the loop thread for at least
    // 31,457,280 ns) and its 1-page read waits behind it. At 1 ms the guest is OOM-killed, with the
    // thread held and the read queued. The kill drops the read (waiting 0), no request completes
    // afterwards (neither callback runs, the loop counts no completion and reads no byte), and the
    // bytes already in dom0's cache are still dom0's to write back: 58,720,256 + 32,768 =
    // 58,753,024 B, all written back by 100 s (the 30 s expiry plus a 5 s wake-up covers the rest
    // once background writeback has stopped; the device moves it in about 0.6 s at 100 MB/s).
    Map<String, Double> options = Map.of("vbd", 1.0, "dom0-memory", 128.0 * (1 << 20));
    Hosts file = xenHost(options);
    var cache = file.host.imageCache();
    cache.write("neighbour", 56L << 20, false, () -> {});
    long[] writeDoneAt = {-1};
    long[] readDoneAt = {-1};
    var storage = file.tenant(0).storage();
    storage.swapWrites(8, false, () -> writeDoneAt[0] = file.simulation.now());
    storage.faultReads(1, () -> readDoneAt[0] = file.simulation.now());
    var loop = java.util.Objects.requireNonNull(storage.loop());
    file.simulation.runUntil(SimTime.MILLISECOND);
    assertTrue(loop.busy());
    assertEquals(1, loop.waiting());
    assertEquals(0, loop.completed());
    file.tenant(0).guest().kill();
    assertEquals(0, loop.waiting());
    file.simulation.runUntil(100 * SimTime.SECOND);
    assertEquals(-1, writeDoneAt[0]);
    assertEquals(-1, readDoneAt[0]);
    assertEquals(0, loop.completed());
    assertEquals(0, loop.bytesRead());
    assertEquals(0, loop.waiting());
    assertEquals(58_753_024, cache.writtenBytes());
    assertEquals(58_753_024, cache.writtenBackBytes());
    assertEquals(0, cache.dirtyBytes() + cache.writebackBytes());
  }

  @Test
  void xen30Ring_killedWithRequestsInBlkbackTheLimitAndTheDevice_isLeftEmpty() {
    // As above (a 4 MiB sequential read, 94 ring requests of 44 KiB), with a 1 MB/s bandwidth
    // limit: 1e6 / 100e6 B/s = 1 % of the device, 1 ms of nominal device time per 100 ms slice.
    // blkback passes request k at k x 15 us; 44 KiB costs 450,560 ns nominal: request 1 leaves
    // 549,440 ns, request 2 leaves 98,880 ns, request 3 overdraws and passes, request 4 waits.
    // At 400 us: 26 passed blkback (3 in the device, 23 in the limit), 6 in blkback; 32 on the
    // ring, 62 in the guest. The kill must leave the ring empty, and nothing completes later.
    PlanSpec base = Specs.plan("g", GIB, 0, Map.of());
    PlanSpec limited =
        new PlanSpec(
            base.name(),
            base.vcpus(),
            base.cpu(),
            base.memory(),
            new PlanSpec.Disk(10L << 30, Double.POSITIVE_INFINITY, 1e6, 1.0),
            base.network(),
            base.processLimit(),
            base.nativeKnobs());
    Hosts hosts =
        new Hosts(
            Specs.host("h", "xen", 8 * GIB, GIB, Map.of("blkif-ring", 1.0)),
            List.of(
                new TenantSpec(
                    "g", "h", limited, new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS))));
    var ring = java.util.Objects.requireNonNull(hosts.tenant(0).storage().ring());
    var device = hosts.host.storage().device();
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4L << 20, false, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(400 * SimTime.MICROSECOND);
    assertEquals(3, device.inSystem());
    assertEquals(32, ring.inFlight());
    assertEquals(62, ring.waiting());
    hosts.tenant(0).guest().kill();
    assertEquals(0, ring.inFlight());
    assertEquals(0, ring.waiting());
    assertEquals(32, ring.aborted());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(0, ring.inFlight());
    assertEquals(0, ring.completed());
    assertEquals(ring.issued(), ring.completed() + ring.aborted());
    assertEquals(-1, doneAt[0]);
  }

  @Test
  void fileBackedVbdOnTheXen30Ring_eachRingRequestIsHandedToTheLoopThreadInTurn() {
    // The bundled Xen configuration: blkif-ring xen-3.0 and vbd: file. A 4 MiB sequential read
    // crosses the ring as 94 requests (93 of 45,056 B and one of 4,096 B), at most 32 at once;
    // blkback passes request k at k x 15 us, then hands it to the guest's loop thread, which reads
    // one request at a time from the device, in arrival order. Each read is sequential: 450,560 ns
    // on the 100 MB/s channel (40,960 ns for the last). The thread always has the next request
    // queued before the previous one completes (15 us < 450,560 ns), so request k completes at
    // 15,000 + k x 450,560 ns, as through the ring alone
    // (xen30Ring_holdsAGuestTo32RequestsOf44KiB),
    // but the device holds one request where through the ring alone it holds 26 at 400 us.
    // - at 400 us: 26 passed blkback (the 27th at 405 us), 1 in the device, 25 waiting for the
    //   loop thread, 32 on the ring;
    // - at 10 ms: 22 completed (the 23rd at 10,377,880 ns), 32 on the ring, all passed blkback
    //   (54 x 15 us = 810 us): 1 in the device, 31 waiting for the thread, 40 in the guest;
    // - the read ends at 15,000 + 93 x 450,560 + 40,960 = 41,958,040 ns; the loop thread read
    //   4,194,304 B in 94 requests, the device served 94.
    Hosts hosts = xenHost(Map.of("blkif-ring", 1.0, "vbd", 1.0));
    var storage = hosts.tenant(0).storage();
    var ring = java.util.Objects.requireNonNull(storage.ring());
    var loop = java.util.Objects.requireNonNull(storage.loop());
    var device = hosts.host.storage().device();
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4L << 20, false, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(400 * SimTime.MICROSECOND);
    assertEquals(1, device.inSystem());
    assertEquals(25, loop.waiting());
    assertEquals(32, ring.inFlight());
    hosts.simulation.runUntil(10 * SimTime.MILLISECOND);
    assertEquals(22, ring.completed());
    assertEquals(22, loop.completed());
    assertEquals(32, ring.inFlight());
    assertEquals(40, ring.waiting());
    assertEquals(31, loop.waiting());
    assertEquals(1, device.inSystem());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(41_958_040, doneAt[0]);
    assertEquals(94, loop.completed());
    assertEquals(4L << 20, loop.bytesRead());
    assertEquals(94, device.deviceRequests());
  }

  @Test
  void fileBackedVbdOnTheXen30Ring_aSwapOutsRingRequestsAreDoneWhenCopiedIntoDom0sCache() {
    // Ring and file together: a 20-page swap-out (81,920 B, sequential, paging: no blkback CPU)
    // crosses the ring as 45,056 + 36,864 B; the loop thread copies each into dom0's page cache
    // at once (dom0's cache far under its background threshold), so the swap-out is done at 0 ns
    // with both ring requests completed and 81,920 B dirty in dom0's cache, and the device has
    // served nothing (on phy it would take 819,200 ns on the device).
    Hosts hosts = xenHost(Map.of("blkif-ring", 1.0, "vbd", 1.0));
    var storage = hosts.tenant(0).storage();
    var ring = java.util.Objects.requireNonNull(storage.ring());
    var loop = java.util.Objects.requireNonNull(storage.loop());
    long[] doneAt = {-1};
    storage.swapWrites(20, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(0, doneAt[0]);
    assertEquals(2, ring.completed());
    assertEquals(2, loop.completed());
    assertEquals(81_920, loop.bytesWritten());
    assertEquals(81_920, hosts.host.imageCache().dirtyBytes());
    assertEquals(0, hosts.host.storage().device().deviceRequests());
  }

  @Test
  void fileBackedVbd_theGuestsOwnWritebackGoesThroughItsLoopThreadIntoDom0sCache() {
    // A guest (1 GiB RAM, modern guest kernel) writes 81,920 B buffered at 0: far under its
    // background threshold, so the write returns at once and the data stays dirty in the guest's
    // cache. The guest's flusher wakes every 5 s (armed at 0) and at 30 s finds it 30 s old: one
    // async 81,920 B writeback request, which crosses blkback (15 us of dom0 CPU) and reaches the
    // loop thread at 30,000,015,000 ns, which copies it into dom0's cache: the guest's writeback
    // completes then, with the device untouched. dom0's flusher, armed at that moment, wakes at
    // +5 s steps and at 60,000,015,000 ns finds it 30 s old: one 81,920 B sequential write on the
    // device, 819,200 ns, done by 60,000,834,200 ns.
    Hosts hosts = xenHost(Map.of("vbd", 1.0));
    var storage = hosts.tenant(0).storage();
    var loop = java.util.Objects.requireNonNull(storage.loop());
    var device = hosts.host.storage().device();
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 81_920, true, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(30 * SimTime.SECOND + 14 * SimTime.MICROSECOND);
    assertEquals(0, doneAt[0]);
    var guestCache = java.util.Objects.requireNonNull(storage.guestWritebackIfStarted());
    assertEquals(81_920, guestCache.writebackBytes());
    assertEquals(0, loop.bytesWritten());
    hosts.simulation.runUntil(30 * SimTime.SECOND + 16 * SimTime.MICROSECOND);
    assertEquals(81_920, guestCache.writtenBackBytes());
    assertEquals(81_920, loop.bytesWritten());
    assertEquals(1, loop.completed());
    var dom0Cache = hosts.host.imageCache();
    assertEquals(81_920, dom0Cache.dirtyBytes());
    assertEquals(0, device.deviceRequests());
    hosts.simulation.runUntil(60 * SimTime.SECOND);
    assertEquals(81_920, dom0Cache.dirtyBytes());
    assertEquals(0, device.deviceRequests());
    hosts.simulation.runUntil(60 * SimTime.SECOND + 834_200);
    assertEquals(81_920, dom0Cache.writtenBackBytes());
    assertEquals(1, device.deviceRequests());
  }

  @Test
  void xen30Ring_aReadTakesTheNextFreedSlotAheadOfTheGuestsWaitingWriteback() {
    // A guest (1 GiB, modern kernel: background threshold 107,374,182 B) dirties 128 MiB at 0: over
    // the background threshold, so its flusher writes back a 4 MiB chunk at once, an async I/O of
    // 94 ring requests, 32 on the ring and 62 waiting in the guest (the write itself returns: 128
    // MiB is under the free-run ceiling of 161,061,273 B). A 4 KiB random read at 0 waits for a
    // slot too. The guest's elevator gives it the first freed slot (the 33rd request handed over,
    // not the 95th): the first writeback request completes at 15,000 + 450,560 = 465,560 ns (as in
    // xen30Ring_holdsAGuestTo32RequestsOf44KiB), so the read is done no earlier than 465,560 +
    // 15,000 (blkback) + 1,040,960 = 1,521,520 ns, and no later than behind the 31 other 44 KiB
    // requests on the ring with it, 465,560 + 2 x 15,000 + 1,040,960 + 31 x 450,560 = 15,504,880
    // ns; in arrival order it would wait for all 94 (41,958,040 ns at the earliest). The writeback
    // chunk is still in flight when the read is done.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "xen", 8 * GIB, GIB, Map.of("blkif-ring", 1.0)),
            List.of(Specs.idleTenant("g", "h", GIB, Map.of())));
    var storage = hosts.tenant(0).storage();
    var ring = java.util.Objects.requireNonNull(storage.ring());
    long[] writtenAt = {-1};
    hosts.tenant(0).disk().io(1, 128L << 20, true, false, () -> writtenAt[0] = 0);
    long[] readAt = {-1};
    long[] ringDoneAtRead = {-1};
    long[] writtenBackAtRead = {-1};
    hosts
        .tenant(0)
        .disk()
        .io(
            1,
            4096,
            false,
            true,
            () -> {
              readAt[0] = hosts.simulation.now();
              ringDoneAtRead[0] = ring.completed();
              writtenBackAtRead[0] =
                  java.util.Objects.requireNonNull(storage.guestWritebackIfStarted())
                      .writtenBackBytes();
            });
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(0, writtenAt[0]);
    assertTrue(readAt[0] >= 1_521_520, "read done at " + readAt[0]);
    assertTrue(readAt[0] <= 15_504_880, "read done at " + readAt[0]);
    assertTrue(ringDoneAtRead[0] < 94, "ring requests done first: " + ringDoneAtRead[0]);
    assertEquals(0, writtenBackAtRead[0]);
  }

  @Test
  void xen30Ring_carriesTheGuestsSwapInAndSwapOut() {
    // A Xen guest's swap is on its own VBD, so its paging crosses the ring too. Paging skips the
    // CPU stage (as without the ring): a swap-in of 1 page is one 4 KiB random read, one ring
    // request, done at 1,040,960 ns. A swap-out of 20 pages (81,920 B, sequential) is two ring
    // requests, 45,056 + 36,864 B, on the 100 MB/s channel without positioning: done at
    // 81,920 x 10 ns = 819,200 ns after it starts, as one request would be.
    Hosts hosts = xenHost(Map.of("blkif-ring", 1.0));
    var storage = hosts.tenant(0).storage();
    var ring = java.util.Objects.requireNonNull(storage.ring());
    long[] readAt = {-1};
    storage.faultReads(1, () -> readAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(READ, readAt[0]);
    assertEquals(1, ring.completed());
    long[] writtenAt = {-1};
    storage.swapWrites(20, false, () -> writtenAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(2 * SimTime.SECOND);
    assertEquals(SimTime.SECOND + 819_200, writtenAt[0]);
    assertEquals(3, ring.completed());
    assertEquals(4096 + 81_920, ring.bytesCompleted());
  }

  @Test
  void xenWithoutTheRingOption_hasNoRing() {
    Hosts hosts = xenHost(Map.of());
    assertEquals(null, hosts.tenant(0).storage().ring());
  }

  @Test
  void kvmGuestIo_crossesTheVmsIothreadBeforeTheDevice() {
    // QEMU iothread: io-cpu 21,658 ns per request (the default), then the read.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "kvm", 16 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("vm", "h", GIB, Map.of())));
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 4096, false, true, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(21_658 + READ, doneAt[0]);
  }

  @Test
  void kvmIothread_passesOneRequestAtATime() {
    // 8 reads issued at once by 8 guest threads, io-cpu 100 us on a fast idle host: the iothread
    // hands them to the device at 100, 200, ..., 800 us. Each positions for 1 ms on the one unit
    // and transfers for 40,960 ns: the unit is the bottleneck (1 ms per read), so the last one
    // starts positioning when the 7th frees the unit at 100 us + 7 x 1 ms and ends at 100 us +
    // 8 x 1 ms + 40,960 ns.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "kvm", 16 * GIB, GIB, Map.of("io-cpu", 100_000.0)),
            List.of(Specs.idleTenant("vm", "h", GIB, Map.of())));
    long[] last = {-1};
    for (int i = 0; i < 8; i++) {
      hosts.tenant(0).disk().io(1, 4096, false, true, () -> last[0] = hosts.simulation.now());
    }
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(100_000 + 8 * 1_000_000 + 40_960, last[0]);
  }

  @Test
  void limitedContainer_writesAtItsLimitInsteadOfThroughTheSharedCache() {
    // OpenVZ iolimit 10 MB/s on a 100 MB/s device: 0.1 device-second per second, 10,000,000
    // device-ns per 100 ms slice. 1 MB written sequentially costs 1e6 / 100e6 s = 10,000,000 ns:
    // it passes in the first slice and takes 10 ms on the channel (through the shared cache it
    // would complete at once).
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("writer", "h", GIB, Map.of("iolimit", 10e6))));
    long[] doneAt = {-1};
    hosts.tenant(0).disk().io(1, 1_000_000, true, false, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(10 * SimTime.MILLISECOND, doneAt[0]);
  }

  @Test
  void limitedContainer_pastItsSliceBudget_paysTheOverdraftFromTheNextSlices() {
    // Same limit. 2 MB (20,000,000 device-ns) passes at once since the slice has budget left, and
    // is done at 20 ms, 10,000,000 ns in debt. A second 1 MB write then waits: slice 1 (100 ms)
    // only pays the debt back to 0, slice 2 (200 ms) has budget; it is done at 210 ms. (A fluid
    // cap would have taken 0.3 s for the 3 MB.)
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("writer", "h", GIB, Map.of("iolimit", 10e6))));
    long[] doneAt = {-1, -1};
    var disk = hosts.tenant(0).disk();
    disk.io(
        1,
        2_000_000,
        true,
        false,
        () -> {
          doneAt[0] = hosts.simulation.now();
          disk.io(1, 1_000_000, true, false, () -> doneAt[1] = hosts.simulation.now());
        });
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(20 * SimTime.MILLISECOND, doneAt[0]);
    assertEquals(210 * SimTime.MILLISECOND, doneAt[1]);
  }

  @Test
  void hostSwap_isOutsideTheTenantsLimit() {
    // A tenant limited to 1 MB/s (1,000,000 device-ns per 100 ms slice) writes 4 MiB of host swap
    // (1024 pages): it goes on the host's swap queue, not through the limit, and takes
    // 4,194,304 / 100e6 s = 41,943,040 ns on the channel.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "openvz", 8 * GIB, GIB, Map.of()),
            List.of(Specs.idleTenant("t", "h", GIB, Map.of("iolimit", 1e6))));
    long[] doneAt = {-1};
    hosts.tenant(0).storage().swapWrites(1024, true, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    assertEquals(41_943_040, doneAt[0]);
  }
}
