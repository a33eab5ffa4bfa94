package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

final class IoSchedulerTest {
  private final Simulation simulation = new Simulation();
  private final List<String> order = new ArrayList<>();

  private BlockRequest request(IoQueue queue, String label, boolean write) {
    return new BlockRequest(queue, 4096, write, false, !write, r -> order.add(label));
  }

  @Test
  void deadline_passesWritesOverAtMostTwiceThenRunsAWriteBatch() {
    // Depth 1 so the scheduler decides every step. R0 starts a read batch (16 reads); with a write
    // waiting, read batches 2 and 3 each pass it over (writes_starved = 2), so the write goes
    // after R0..R47 (three batches of 16) and before R48.
    BlockDevice disk =
        new BlockDevice(simulation, DeviceProfile.sataSsd(), 1, new DeadlineScheduler());
    IoQueue q = new IoQueue("q", 1.0);
    disk.submit(request(q, "R0", false));
    for (int i = 1; i <= 60; i++) {
      disk.submit(request(q, "R" + i, false));
      if (i == 1) {
        disk.submit(request(q, "W", true));
      }
    }
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    assertEquals(48, order.indexOf("W"));
    assertEquals("R48", order.get(49));
  }

  @Test
  void fairQueueing_givesBacklogsBytesInProportionToWeight() {
    // Start-time fair queueing, equal 4 KiB requests: queue a (weight 1) gets start tags 0, 4096,
    // 8192, ...; b (weight 3) 0, 1365.3, 2730.7, ... Up to tag 36,864 there are 10 of a and 28 of
    // b;
    // the next two tags are b's (38,229 and 39,595). So the first 40 served are 10 a and 30 b.
    assertEquals(List.of(10L, 30L), firstForty(FairQueueingScheduler::new));
  }

  @Test
  void fifoAndDeadline_ignoreWeights() {
    // Submitted alternately a, b, a, b ...: arrival order gives 20 each, whatever the weights.
    assertEquals(List.of(20L, 20L), firstForty(FifoScheduler::new));
    assertEquals(List.of(20L, 20L), firstForty(DeadlineScheduler::new));
  }

  private List<Long> firstForty(Supplier<IoScheduler> scheduler) {
    BlockDevice ssd = new BlockDevice(simulation, DeviceProfile.sataSsd(), 1, scheduler.get());
    IoQueue a = new IoQueue("a", 1.0);
    IoQueue b = new IoQueue("b", 3.0);
    for (int i = 0; i < 100; i++) {
      ssd.submit(request(a, "a", false));
      ssd.submit(request(b, "b", false));
    }
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    List<String> first = order.subList(0, 40);
    return List.of(
        first.stream().filter("a"::equals).count(), first.stream().filter("b"::equals).count());
  }

  /** Keeps {@code depth} requests of one stream outstanding, {@code think} ns between them. */
  private static void stream(
      Simulation simulation,
      BlockDevice device,
      IoQueue queue,
      long bytes,
      boolean sequential,
      boolean write,
      int depth,
      long think) {
    for (int i = 0; i < depth; i++) {
      device.submit(next(simulation, device, queue, bytes, sequential, write, think));
    }
  }

  private static BlockRequest next(
      Simulation simulation,
      BlockDevice device,
      IoQueue queue,
      long bytes,
      boolean sequential,
      boolean write,
      long think) {
    return new BlockRequest(
        queue,
        bytes,
        write,
        sequential,
        !write,
        r -> {
          Runnable again =
              () -> device.submit(next(simulation, device, queue, bytes, sequential, write, think));
          if (think == 0) {
            again.run();
          } else {
            simulation.scheduleAfter(think, again);
          }
        });
  }

  private static final long TEN_SECONDS = SimDuration.ofSeconds(10).nanos();

  /**
   * The 7,200 rpm disk without command queueing (one tag, NCQ off or an old controller): CFQ's
   * hw_tag stays 0, so a seeky sync queue keeps its idle window (cfq_update_idle_window).
   */
  private static final DeviceProfile NO_NCQ_HDD = DeviceProfile.hdd7200().withQueueDepth(1);

  @Test
  void cfq_sharesDeviceTimeNotBytes() {
    // Two sync readers, one random 4 KiB (12.69 ms a read on the disk), one sequential 64 KiB
    // (0.437 ms): CFQ alternates 100 ms slices, so each gets half the arm's time over 10 s, give
    // or take the last slice (1 %). Premise: a disk without command queueing (depth 1, so CFQ's
    // hw_tag is 0) where the seeky reader keeps its idle window; on the 32-tag disk 2.6.32 gives
    // it none (cfq_sharesNothingWithASeekyReaderOnAQueueingDisk).
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, NO_NCQ_HDD, new CfqScheduler());
    IoQueue random = new IoQueue("random", 1.0);
    IoQueue sequential = new IoQueue("sequential", 1.0);
    stream(sim, disk, random, 4096, false, false, 1, 0);
    stream(sim, disk, sequential, 65_536, true, false, 1, 0);
    sim.runUntil(TEN_SECONDS);
    assertEquals(0.5, random.serviceNanos() / (double) TEN_SECONDS, 0.015);
    assertEquals(0.5, sequential.serviceNanos() / (double) TEN_SECONDS, 0.015);
  }

  @Test
  void cfq_scalesSlicesByWeight() {
    // Weight 2 doubles the 100 ms slice: 200 ms against 100 ms, so 2/3 and 1/3 of the time.
    // Premise: both random readers keep their idle window, so a disk without NCQ (depth 1).
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, NO_NCQ_HDD, new CfqScheduler());
    IoQueue heavy = new IoQueue("heavy", 2.0);
    IoQueue light = new IoQueue("light", 1.0);
    stream(sim, disk, heavy, 4096, false, false, 1, 0);
    stream(sim, disk, light, 4096, false, false, 1, 0);
    sim.runUntil(TEN_SECONDS);
    assertEquals(2.0 / 3, heavy.serviceNanos() / (double) TEN_SECONDS, 0.02);
    assertEquals(1.0 / 3, light.serviceNanos() / (double) TEN_SECONDS, 0.02);
  }

  @Test
  void fifo_letsTheFasterStreamTakeTheTime() {
    // Without slices the two readers alternate request by request: the random reader holds the
    // arm 12.694 ms for every 0.437 ms of the sequential one, 96.7 % of the time.
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, DeviceProfile.hdd7200(), new FifoScheduler());
    IoQueue random = new IoQueue("random", 1.0);
    IoQueue sequential = new IoQueue("sequential", 1.0);
    stream(sim, disk, random, 4096, false, false, 1, 0);
    stream(sim, disk, sequential, 65_536, true, false, 1, 0);
    sim.runUntil(TEN_SECONDS);
    double share = 12.693974 / (12.693974 + 0.436907);
    assertEquals(share, random.serviceNanos() / (double) TEN_SECONDS, 0.005);
  }

  @Test
  void cfq_idlesForASyncReaderAgainstADeepWriter() {
    // Reader: random 4 KiB sync reads, 12,693,974 ns each, 2 ms think time between them. Writer:
    // 32 sequential 64 KiB async writes outstanding, 436,907 ns each (ceil(65,536 / 150e6 s)).
    // Premise: a disk without NCQ (depth 1), so the seeky reader keeps its 8 ms idle window.
    // Re-derived with 2.6.32's sync preemption (cfq_should_preempt) and low_latency's async ramp
    // (was 48.4 reads/s, when the writer kept its whole 40 ms async slice):
    // - t = 0: the writer's first write is dispatched (async depth 1: no sync completion yet).
    //   The reader's read arrives, preempts the async slice, waits for that write to drain and is
    //   dispatched at 436,907 ns; its 100 ms slice starts there.
    // - Each read's successor arrives 2 ms after it completes, inside the idle window: reads go
    //   out every 14,693,974 ns, at +0, ..., +88,163,844 (7 reads; the 8th would come at
    //   +102,857,818, past the slice end at +100 ms). The 7th completes at +100,857,818; the slice
    //   is over, the writer gets the disk, one write at a time (depth 1), writes starting at
    //   +100,857,818 + j x 436,907.
    // - The next read arrives at +102,857,818 and preempts the writer; write j = 4 (started
    //   +102,605,446) is in the device and ends at +103,042,353, when the read goes out.
    // So a cycle is 103,042,353 ns for 7 reads (67.93/s). Cycle n starts at 436,907 + n x
    // 103,042,353 ns; cycle 96's 7th read completes at 9,993,360,613 ns, cycle 97's first only at
    // 10,008,239,122: 97 x 7 = 679 reads in 10 s, 67.9 reads/s.
    assertEquals(67.9, readerRate(new CfqScheduler(), NO_NCQ_HDD), 0.05);
  }

  @Test
  void cfq_givesASeekyReaderNoIdleWindowOnAQueueingDisk() {
    // The 32-tag disk (hw_tag = 1): the random reader is seeky from its third request (sample
    // weights 32, 60, 84 of 256; valid above 80), so it loses its idle window (2.6.32
    // cfq_update_idle_window). Hand count with the sequential reader of
    // cfq_sharesDeviceTimeNotBytes
    // (random 12,693,974 ns, sequential 64 KiB 436,907 ns, one request outstanding each):
    // - reads 1 and 2 of the random reader idle as before (0 and 12,693,974 ns); read 3 is
    //   dispatched at 25,387,948 and, seeky now, the queue yields at once (cfq_select_queue: no
    //   idle window, so requests in flight do not keep it): the sequential reader's slice starts
    //   at 25,387,948 with its first read queued in the device behind read 3.
    // - every later random read is dispatched when a sequential slice ends and the sequential
    //   reader's slice restarts at once, its first read behind the random one: a sequential
    //   slice from s has its first read done at s + 12,693,974 + 436,907, then reads every
    //   436,907 ns while before s + 100 ms: 199 more, the last done at s + 100,075,374.
    // - random reads are dispatched at 125,463,322 + n x 100,075,374 ns and done 12,693,974
    //   later: n = 0..98 complete within 10 s (n = 98 at 9,945,543,948 ns, n = 99 would at
    // 10,045,619,322).
    // So 3 + 99 = 102 random reads, 102 x 12,693,974 ns of device time: 12.95 % instead of half.
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, DeviceProfile.hdd7200(), new CfqScheduler());
    IoQueue random = new IoQueue("random", 1.0);
    IoQueue sequential = new IoQueue("sequential", 1.0);
    stream(sim, disk, random, 4096, false, false, 1, 0);
    stream(sim, disk, sequential, 65_536, true, false, 1, 0);
    sim.runUntil(TEN_SECONDS);
    assertEquals(102, random.completed());
    assertEquals(102 * 12_693_974L, random.serviceNanos());
  }

  @Test
  void cfq_countsADeviceAsQueueingFromFiveTags() {
    // CFQ_HW_QUEUE_MIN = 5: a device that takes 5 requests at once is a queueing one (hw_tag).
    CfqScheduler four = new CfqScheduler();
    new BlockDevice(simulation, DeviceProfile.hdd7200(), 4, four);
    CfqScheduler five = new CfqScheduler();
    new BlockDevice(simulation, DeviceProfile.hdd7200(), 5, five);
    assertEquals(List.of(false, true), List.of(four.hwTag(), five.hwTag()));
  }

  @Test
  void cfq_lowLatencyShrinksSlicesToTheTargetAcrossBusyQueues() {
    // Five sequential 64 KiB readers (436,907 ns a read, one outstanding each; not seeky, so
    // each idles and keeps its slice). With low_latency off each slice is 100 ms: it ends with
    // the first completion at or past 100 ms, 229 reads = 100,051,703 ns. A reader then waits
    // for the four others: its longest gap between completions is 4 x 100,051,703 + 436,907 =
    // 400,643,719 ns.
    // With low_latency (cfq_set_prio_slice, 2.6.33): the first slice (A's) sees 1 busy queue,
    // average (3 x 1 + 0 + 2) / 4 = 1; B's sees 5: (3 x 5 + 1 + 2) / 4 = 4, 400 ms > 300 ms, so
    // 75 ms; from C on the average is (3 x 5 + 4 + 2) / 4 = 5 and the slice 100 x 300 / 500 =
    // 60 ms (above the floor min(100, 2 x 8 x 100 / 100) = 16 ms): 138 reads, 60,293,166 ns. In
    // steady state (after 1 s) a reader's longest gap is 4 x 60,293,166 + 436,907 = 241,609,571
    // ns, within the 300 ms target.
    assertEquals(400_643_719L, longestGapOfFirstReader(new CfqScheduler(false)));
    assertEquals(241_609_571L, longestGapOfFirstReader(new CfqScheduler(true)));
  }

  private static long longestGapOfFirstReader(CfqScheduler cfq) {
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, DeviceProfile.hdd7200(), cfq);
    long[] last = {-1};
    long[] longest = {0};
    IoQueue first = new IoQueue("a", 1.0);
    readLoop(sim, disk, first, last, longest);
    for (int i = 1; i < 5; i++) {
      stream(sim, disk, new IoQueue("reader" + i, 1.0), 65_536, true, false, 1, 0);
    }
    sim.runUntil(TEN_SECONDS);
    return longest[0];
  }

  private static void readLoop(
      Simulation sim, BlockDevice disk, IoQueue queue, long[] last, long[] longest) {
    disk.submit(
        new BlockRequest(
            queue,
            65_536,
            false,
            true,
            true,
            r -> {
              long done = r.completedAt();
              if (last[0] >= SimDuration.ofSeconds(1).nanos()) {
                longest[0] = Math.max(longest[0], done - last[0]);
              }
              last[0] = done;
              readLoop(sim, disk, queue, last, longest);
            }));
  }

  @Test
  void fifo_queuesASyncReaderBehindTheWholeDeviceQueue() {
    // With no scheduler the reader's read enters the device behind the writer's other 31 writes:
    // 31 x 0.437 = 13.54 ms, plus on average half a write (0.22 ms) for the one in service, plus
    // its own 12.694 ms and 2 ms think: a 28.45 ms cycle, 35.1 reads/s.
    assertEquals(35.1, readerRate(new FifoScheduler()), 35.1 * 0.05);
  }

  private static double readerRate(IoScheduler scheduler) {
    return readerRate(scheduler, DeviceProfile.hdd7200());
  }

  private static double readerRate(IoScheduler scheduler, DeviceProfile profile) {
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, profile, scheduler);
    IoQueue reader = new IoQueue("reader", 1.0);
    IoQueue writer = new IoQueue("writer", 1.0);
    stream(sim, disk, writer, 65_536, true, true, 32, 0);
    stream(sim, disk, reader, 4096, false, false, 1, SimDuration.ofMillis(2).nanos());
    sim.runUntil(TEN_SECONDS);
    return reader.completed() / 10.0;
  }
}
