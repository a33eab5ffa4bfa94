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

  @Test
  void cfq_sharesDeviceTimeNotBytes() {
    // Two sync readers, one random 4 KiB (12.69 ms a read on the disk), one sequential 64 KiB
    // (0.437 ms): CFQ alternates 100 ms slices, so each gets half the arm's time over 10 s, give
    // or take the last slice (1 %).
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, DeviceProfile.hdd7200(), new CfqScheduler());
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
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, DeviceProfile.hdd7200(), new CfqScheduler());
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
    // Reader: random 4 KiB reads (12.694 ms each), 2 ms think time between them. Writer: 32
    // sequential 64 KiB async writes outstanding (0.437 ms each). With CFQ the reader's next read
    // comes inside the 8 ms idle window, so it keeps the arm for its whole 100 ms slice: reads
    // dispatched at 0, 14.69, ..., 88.16 ms (7 reads, the last ends at 100.85 ms); then the writer
    // has a 40 ms async slice, plus at most 4 writes (cfq_quantum) already in the device, 1.7 ms.
    // One cycle is about 100.85 + 2 + 40 + 1.7 = 144.6 ms for 7 reads: 48.4 reads/s.
    assertEquals(48.4, readerRate(new CfqScheduler()), 48.4 * 0.05);
  }

  @Test
  void fifo_queuesASyncReaderBehindTheWholeDeviceQueue() {
    // With no scheduler the reader's read enters the device behind the writer's other 31 writes:
    // 31 x 0.437 = 13.54 ms, plus on average half a write (0.22 ms) for the one in service, plus
    // its own 12.694 ms and 2 ms think: a 28.45 ms cycle, 35.1 reads/s.
    assertEquals(35.1, readerRate(new FifoScheduler()), 35.1 * 0.05);
  }

  private static double readerRate(IoScheduler scheduler) {
    Simulation sim = new Simulation();
    BlockDevice disk = new BlockDevice(sim, DeviceProfile.hdd7200(), scheduler);
    IoQueue reader = new IoQueue("reader", 1.0);
    IoQueue writer = new IoQueue("writer", 1.0);
    stream(sim, disk, writer, 65_536, true, true, 32, 0);
    stream(sim, disk, reader, 4096, false, false, 1, SimDuration.ofMillis(2).nanos());
    sim.runUntil(TEN_SECONDS);
    return reader.completed() / 10.0;
  }
}
