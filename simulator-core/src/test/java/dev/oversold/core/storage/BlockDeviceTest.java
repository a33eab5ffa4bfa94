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
    // The sequential 1 MiB follows on the one arm: ceil(1,048,576 / 150e6 s) = 6,990,507 ns.
    long first = 12_693_974L;
    assertEquals(List.of(first, first + 6_990_507L), done);
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
}
