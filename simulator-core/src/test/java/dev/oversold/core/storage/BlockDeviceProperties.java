package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class BlockDeviceProperties {
  /** One request of a workload: when, whose (queue 0..2), how big, which kind. */
  record Op(long atMicros, int queue, long bytes, boolean write, boolean sequential) {}

  @Provide
  Arbitrary<List<Op>> workload() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.longs().between(0, 200_000),
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 1 << 20),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(200);
  }

  @Provide
  Arbitrary<Supplier<IoScheduler>> scheduler() {
    return Arbitraries.of(
        FifoScheduler::new, DeadlineScheduler::new, FairQueueingScheduler::new, CfqScheduler::new);
  }

  private static final long MAX = DeviceProfile.DEFAULT_MAX_REQUEST_BYTES;

  private record Outcome(
      List<Long> completions, long bytes, long deviceBytes, long maxDispatched) {}

  private static Outcome run(
      List<Op> ops, IoScheduler scheduler, double[] weights, DeviceProfile profile) {
    Simulation simulation = new Simulation();
    BlockDevice device = new BlockDevice(simulation, profile, scheduler);
    List<IoQueue> queues = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      queues.add(new IoQueue("q" + i, weights[i]));
    }
    List<Long> completions = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      completions.add(-1L);
    }
    long[] maxDispatched = new long[1];
    long bytes = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      int index = i;
      bytes += op.bytes();
      simulation.schedule(
          op.atMicros() * 1000,
          () -> {
            device.submit(
                new BlockRequest(
                    queues.get(op.queue()),
                    op.bytes(),
                    op.write(),
                    op.sequential(),
                    !op.write(),
                    r -> {
                      assertEquals(-1L, completions.get(index), "completed twice");
                      completions.set(index, r.completedAt());
                      // No request completes before its own service time has passed. A
                      // request split at max_sectors_kb (512 KiB) is served as chunks that may
                      // overlap on flash's parallel units; each chunk is served whole, so the
                      // sojourn covers at least the mean chunk's time.
                      long chunks = (op.bytes() + MAX - 1) / MAX;
                      assertTrue(
                          r.completedAt() - r.submittedAt()
                              >= (profile.mechanical()
                                  ? r.serviceNanos()
                                  : r.serviceNanos() / chunks));
                    }));
            maxDispatched[0] = Math.max(maxDispatched[0], device.dispatched());
          });
    }
    simulation.runUntil(Long.MAX_VALUE / 2);
    long queued = queues.stream().mapToLong(IoQueue::bytes).sum();
    return new Outcome(completions, bytes, queued, maxDispatched[0]);
  }

  @Property(tries = 200)
  void everyRequestCompletesOnceAndBytesAreConserved(
      @ForAll("workload") List<Op> ops, @ForAll("scheduler") Supplier<IoScheduler> scheduler) {
    Outcome outcome = run(ops, scheduler.get(), new double[] {1, 2, 0.5}, DeviceProfile.hdd7200());
    assertTrue(outcome.completions().stream().allMatch(t -> t >= 0), "a request never completed");
    assertEquals(outcome.bytes(), outcome.deviceBytes());
    assertTrue(outcome.maxDispatched() <= DeviceProfile.hdd7200().queueDepth());
  }

  @Property(tries = 100)
  void noneAndDeadline_weightsChangeNothing(
      @ForAll("workload") List<Op> ops, @ForAll boolean deadline) {
    Supplier<IoScheduler> scheduler = deadline ? DeadlineScheduler::new : FifoScheduler::new;
    DeviceProfile ssd = DeviceProfile.sataSsd();
    assertEquals(
        run(ops, scheduler.get(), new double[] {1, 1, 1}, ssd).completions(),
        run(ops, scheduler.get(), new double[] {8, 0.25, 3}, ssd).completions());
  }

  @Property(tries = 100)
  void noRequestBeatsTheDevicesOwnSpeed(@ForAll("workload") List<Op> ops) {
    // Bytes moved by time t never exceed bandwidth x t: the one channel moves one request at a
    // time.
    DeviceProfile ssd = DeviceProfile.sataSsd();
    Outcome outcome = run(ops, new FifoScheduler(), new double[] {1, 1, 1}, ssd);
    long last = outcome.completions().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(outcome.bytes() <= ssd.bytesPerSecond() * (last / 1e9) + ops.size());
  }

  @Provide
  Arbitrary<DeviceProfile> device() {
    return Combinators.combine(
            Arbitraries.of(DeviceProfile.hdd7200(), DeviceProfile.sataSsd()),
            Arbitraries.integers().between(1, 32),
            Arbitraries.longs().between(DeviceProfile.MIN_MAX_REQUEST_BYTES, 2L << 20))
        .as((profile, depth, max) -> profile.withQueueDepth(depth).withMaxRequestBytes(max));
  }

  @Property(tries = 200)
  void everyByteCompletesExactlyOnceWhateverTheSplitAndScheduler(
      @ForAll("workload") List<Op> ops,
      @ForAll("scheduler") Supplier<IoScheduler> scheduler,
      @ForAll("device") DeviceProfile profile,
      @ForAll @IntRange(min = 1, max = 8) int scale) {
    // Requests up to 8 MiB (the workload's sizes times 1..8) on a device of any depth and any
    // max_sectors_kb from one page to 2 MiB: every submitted request completes exactly once,
    // after all its chunks; the device serves ceil(bytes / max) requests for each and moves
    // every byte once.
    Simulation simulation = new Simulation();
    BlockDevice device = new BlockDevice(simulation, profile, scheduler.get());
    List<IoQueue> queues =
        List.of(new IoQueue("q0", 1), new IoQueue("q1", 2), new IoQueue("q2", 0.5));
    int[] completions = new int[ops.size()];
    long bytes = 0;
    long chunks = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      long size = op.bytes() * scale;
      bytes += size;
      chunks += (size + profile.maxRequestBytes() - 1) / profile.maxRequestBytes();
      int index = i;
      simulation.schedule(
          op.atMicros() * 1000,
          () ->
              device.submit(
                  new BlockRequest(
                      queues.get(op.queue()),
                      size,
                      op.write(),
                      op.sequential(),
                      !op.write(),
                      r -> completions[index]++)));
    }
    simulation.runUntil(Long.MAX_VALUE / 2);
    for (int i = 0; i < completions.length; i++) {
      assertEquals(1, completions[i], "request " + i + " completions");
    }
    assertEquals(ops.size(), device.completed());
    assertEquals(chunks, device.deviceRequests());
    assertEquals(bytes, device.bytes());
    assertEquals(bytes, queues.stream().mapToLong(IoQueue::bytes).sum());
    assertEquals(0, device.inSystem());
    assertEquals(0, device.dispatched());
    assertEquals(0, device.scheduler().waiting());
  }
}
