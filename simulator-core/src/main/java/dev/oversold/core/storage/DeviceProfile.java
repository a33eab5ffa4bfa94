package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimDuration;

/**
 * A disk's service times: a random request first positions (seek plus rotation on a disk, access
 * latency on flash), then every request transfers its bytes at the device's sequential bandwidth. A
 * sequential request continues where the last one ended and does not position.
 *
 * @param positioning mean time from dispatch to the first byte of a random request
 * @param bytesPerSecond sustained transfer rate of the device's channel
 * @param units requests that position at once: 1 for a disk arm, more for flash
 * @param queueDepth requests the device accepts at once (SATA NCQ tags, NVMe queue entries); more
 *     wait in the host's I/O scheduler, where the scheduler decides their order
 * @param mechanical a disk arm: the one unit is held through positioning and transfer
 */
public record DeviceProfile(
    String name,
    SimDuration positioning,
    double bytesPerSecond,
    int units,
    int queueDepth,
    boolean mechanical)
    implements ServiceTimeModel {

  public DeviceProfile {
    Preconditions.checkArgument(
        bytesPerSecond > 0 && Double.isFinite(bytesPerSecond),
        "bandwidth must be positive: %s",
        bytesPerSecond);
    Preconditions.checkArgument(units >= 1, "units must be at least 1: %s", units);
    Preconditions.checkArgument(queueDepth >= 1, "queue depth must be at least 1: %s", queueDepth);
    Preconditions.checkArgument(!mechanical || units == 1, "a disk has one arm: %s units", units);
  }

  /**
   * A 7,200 rpm SATA disk: 8.5 ms average read seek plus half a rotation (60 s / 7,200 / 2 = 4.17
   * ms), 150 MB/s sustained, one arm, 32 NCQ tags (the SATA AHCI limit). Seek and rate are a
   * desktop drive's datasheet figures [M]; NCQ's reordering of the 32 tags by position is not
   * modelled, so random IOPS at depth stay at the queue-depth-1 figure (about 79/s).
   */
  public static DeviceProfile hdd7200() {
    return new DeviceProfile(
        "hdd-7200", SimDuration.ofNanos(8_500_000 + 4_166_667), 150e6, 1, 32, true);
  }

  /**
   * A SATA SSD: 90 us read access, 540 MB/s (the SATA 6 Gbit/s ceiling after 8b/10b coding is 600
   * MB/s), ten units (about 100,000 random 4 KiB reads per second at depth 32, a consumer drive's
   * datasheet figure [M]), 32 NCQ tags.
   */
  public static DeviceProfile sataSsd() {
    return new DeviceProfile("sata-ssd", SimDuration.ofMicros(90), 540e6, 10, 32, false);
  }

  @Override
  public long positioningNanos(BlockRequest request) {
    return request.sequential() ? 0 : positioning.nanos();
  }

  @Override
  public long transferNanos(BlockRequest request) {
    return (long) Math.ceil(request.bytes() * 1e9 / bytesPerSecond);
  }

  @Override
  public boolean unitHeldThroughTransfer() {
    return mechanical;
  }
}
