package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BlockDeviceTest {
  private final Simulation simulation = new Simulation();
  private final IoQueue queue = new IoQueue("t", 1.0);
  private final List<Long> done = new ArrayList<>();

  private BlockRequest read(long bytes, boolean sequential) {
    return new BlockRequest(queue, bytes, false, sequential, true, r -> done.add(r.completedAt()));
  }

  @Test
  void disk_randomReadTakesSeekRotationAndTransfer() {
    BlockDevice disk = new BlockDevice(simulation, DeviceProfile.hdd7200(), new FifoScheduler());
    disk.submit(read(4096, false));
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    // 8.5 ms seek + 4,166,667 ns half rotation + ceil(4096 B / 150 MB/s) = 27,307 ns transfer.
    assertEquals(List.of(8_500_000L + 4_166_667L + 27_307L), done);
  }

  @Test
  void disk_oneArmServesDispatchedRequestsOneAfterAnother() {
    BlockDevice disk = new BlockDevice(simulation, DeviceProfile.hdd7200(), new FifoScheduler());
    disk.submit(read(4096, false));
    disk.submit(read(1 << 20, true));
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    // The sequential 1 MiB follows on the one arm as two 512 KiB requests (max_sectors_kb 512):
    // 2 x ceil(524,288 / 150e6 s) = 2 x 3,495,254 = 6,990,508 ns (one ns of rounding more than
    // the unsplit ceil(1,048,576 / 150e6 s) = 6,990,507).
    long first = 12_693_974L;
    assertEquals(List.of(first, first + 6_990_508L), done);
  }

  @Test
  void flash_unitsPositionInParallelAndShareOneChannel() {
    BlockDevice ssd = new BlockDevice(simulation, DeviceProfile.sataSsd(), new FifoScheduler());
    ssd.submit(read(4096, false));
    ssd.submit(read(4096, false));
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    // Both position for 90 us on two of the ten units; the channel then moves one 4 KiB at a time:
    // ceil(4096 / 540e6 s) = 7,586 ns each.
    assertEquals(List.of(90_000L + 7_586L, 90_000L + 2 * 7_586L), done);
  }

  @Test
  void queueDepth_holdsTheRestInTheScheduler() {
    BlockDevice ssd = new BlockDevice(simulation, DeviceProfile.sataSsd(), 1, new FifoScheduler());
    for (int i = 0; i < 3; i++) {
      ssd.submit(read(4096, false));
    }
    assertEquals(2, ssd.scheduler().waiting());
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    // Depth 1: no overlap at all, each request takes 97,586 ns after the previous one.
    assertEquals(List.of(97_586L, 2 * 97_586L, 3 * 97_586L), done);
    assertEquals(0, ssd.inSystem());
    assertEquals(3 * 4096L, queue.bytes());
  }

  @Test
  void utilisation_isBusyUnitTimeOverElapsedTime() {
    BlockDevice disk = new BlockDevice(simulation, DeviceProfile.hdd7200(), new FifoScheduler());
    disk.submit(read(4096, false));
    simulation.runUntil(SimDuration.ofMillis(100).nanos());
    // One request held the arm 12,693,974 ns of 100 ms.
    assertEquals(0.12693974, disk.unitUtilisation(), 1e-12);
    assertEquals(0.12693974, disk.meanInSystem(), 1e-12);
  }

  /**
   * Latency of a random 4 KiB read submitted 1 us after a random 4 MiB write on an idle 7,200 rpm
   * disk, and the write's completion time: {read latency, write completed at}.
   */
  private long[] readBehindABigWrite(DeviceProfile profile, IoScheduler scheduler) {
    BlockDevice disk = new BlockDevice(simulation, profile, scheduler);
    IoQueue writer = new IoQueue("writer", 1.0);
    long[] result = new long[2];
    disk.submit(
        new BlockRequest(writer, 4L << 20, true, false, false, r -> result[1] = r.completedAt()));
    simulation.schedule(
        1_000,
        () ->
            disk.submit(
                new BlockRequest(
                    queue,
                    4096,
                    false,
                    false,
                    true,
                    r -> result[0] = r.completedAt() - r.submittedAt())));
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    return result;
  }

  // Times on the 7,200 rpm disk: positioning 8,500,000 + 4,166,667 = 12,666,667 ns; a 4 KiB read
  // 12,693,974 ns in all; transfer of 512 KiB ceil(524,288 / 150e6 s) = 3,495,254 ns, of 4 MiB
  // ceil(4,194,304 / 150e6 s) = 27,962,027 ns. The write's first chunk positions, the others
  // continue sequentially.
  private static final long CHUNK = 3_495_254L;
  private static final long READ = 12_693_974L;
  private static final long POSITION = 12_666_667L;
  private static final DeviceProfile UNSPLIT_HDD =
      DeviceProfile.hdd7200().withMaxRequestBytes(4L << 20);

  @Test
  void split_aReadWaitsForOneChunkUnderCfqOnTheQueueingDisk() {
    // 32 tags, CFQ (low_latency): the async writer may have one request in the device (no sync
    // completion yet: depth 0, raised to 1); the read preempts the async slice and, as its queue
    // idles, waits for that one request to drain. Split: the first chunk is done at 12,666,667 +
    // 3,495,254 = 16,161,921, the read at 28,855,895: latency 28,855,895 - 1,000 = 28,854,895 ns.
    // The read's queue then idles 8 ms (to 36,855,895) before the writer resumes, one chunk at a
    // time: 7 x 3,495,254 later the write completes at 61,322,673 ns. Unsplit: the read waits for
    // the whole 4 MiB, latency 53,321,668 ns, and the write completes first, at 40,628,694.
    long[] split = readBehindABigWrite(DeviceProfile.hdd7200(), new CfqScheduler());
    assertEquals(POSITION + CHUNK + READ - 1_000, split[0]);
    assertEquals(28_854_895L, split[0]);
    assertEquals(POSITION + CHUNK + READ + 8_000_000L + 7 * CHUNK, split[1]);
    assertEquals(61_322_673L, split[1]);
    long[] unsplit = new BlockDeviceTest().readBehindABigWrite(UNSPLIT_HDD, new CfqScheduler());
    assertEquals(53_321_668L, unsplit[0]);
    assertEquals(40_628_694L, unsplit[1]);
  }

  @Test
  void split_doesNotHelpWhenNothingHoldsTheChunksBack() {
    // The read still waits for the whole write, 12,666,667 + 8 x 3,495,254 + 12,693,974 - 1,000 =
    // 53,321,673 ns (5 ns of per-chunk rounding more than the unsplit 53,321,668):
    // - none, 32 tags: the eight chunks are all dispatched at once and the device serves in order
    //   (NCQ reordering is not modelled);
    // - mq-deadline on a disk without NCQ (depth 1): the first chunk starts a write batch, and a
    //   batch runs on for up to fifo_batch (16) requests whatever reads wait (mq-deadline's
    //   dispatch continues next_rq while batching < fifo_batch): all eight chunks go first.
    long whole = POSITION + 8 * CHUNK + READ - 1_000;
    assertEquals(53_321_673L, whole);
    assertEquals(whole, readBehindABigWrite(DeviceProfile.hdd7200(), new FifoScheduler())[0]);
    assertEquals(
        whole,
        new BlockDeviceTest()
            .readBehindABigWrite(
                DeviceProfile.hdd7200().withQueueDepth(1), new DeadlineScheduler())[0]);
  }

  @Test
  void split_completesTheRequestOnceWhenItsLastChunkCompletes() {
    // 4 MiB + 1 byte: nine chunks (eight of 512 KiB and one of 1 byte); the request completes once,
    // and the device counts nine requests.
    BlockDevice disk = new BlockDevice(simulation, DeviceProfile.hdd7200(), new FifoScheduler());
    disk.submit(read((4L << 20) + 1, true));
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    // Sequential: no positioning; 8 x 3,495,254 + ceil(1 / 150e6 s) = 7 ns.
    assertEquals(List.of(8 * CHUNK + 7), done);
    assertEquals(1, disk.completed());
    assertEquals(9, disk.deviceRequests());
    assertEquals((4L << 20) + 1, disk.bytes());
    assertEquals((4L << 20) + 1, queue.bytes());
    assertEquals(8 * CHUNK + 7, queue.serviceNanos());
  }
}
