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
 * @param maxRequestBytes the queue's {@code max_sectors_kb} in bytes: the block layer builds no
 *     request larger than this, so a larger transfer reaches the scheduler as several requests
 */
public record DeviceProfile(
    String name,
    SimDuration positioning,
    double bytesPerSecond,
    int units,
    int queueDepth,
    boolean mechanical,
    long maxRequestBytes)
    implements ServiceTimeModel {

  /**
   * Default {@code max_sectors_kb}: 512 KiB, {@code BLK_DEF_MAX_SECTORS} (1,024 sectors of 512 B,
   * include/linux/blkdev.h), the cap {@code blk_queue_max_sectors} (block/blk-settings.c) puts on
   * any device whose hardware limit is larger; SATA disks and SSDs report more.
   */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 512L * 1024;

  /** The smallest {@code max_sectors}: one page (blk_queue_max_sectors raises anything lower). */
  public static final long MIN_MAX_REQUEST_BYTES = 4096;

  /** A device with the kernel's default request size limit, 512 KiB. */
  public DeviceProfile(
      String name,
      SimDuration positioning,
      double bytesPerSecond,
      int units,
      int queueDepth,
      boolean mechanical) {
    this(
        name,
        positioning,
        bytesPerSecond,
        units,
        queueDepth,
        mechanical,
        DEFAULT_MAX_REQUEST_BYTES);
  }

  public DeviceProfile {
    Preconditions.checkArgument(
        bytesPerSecond > 0 && Double.isFinite(bytesPerSecond),
        "bandwidth must be positive: %s",
        bytesPerSecond);
    Preconditions.checkArgument(units >= 1, "units must be at least 1: %s", units);
    Preconditions.checkArgument(queueDepth >= 1, "queue depth must be at least 1: %s", queueDepth);
    Preconditions.checkArgument(!mechanical || units == 1, "a disk has one arm: %s units", units);
    Preconditions.checkArgument(
        maxRequestBytes >= MIN_MAX_REQUEST_BYTES,
        "max request size must be at least one page (4096 B): %s",
        maxRequestBytes);
  }

  /** The same device with {@code max_sectors_kb} set to {@code bytes} (sysfs, at least 4 KiB). */
  public DeviceProfile withMaxRequestBytes(long bytes) {
    return new DeviceProfile(
        name, positioning, bytesPerSecond, units, queueDepth, mechanical, bytes);
  }

  /** The same device with {@code depth} tags (1: no command queueing, e.g. NCQ off). */
  public DeviceProfile withQueueDepth(int depth) {
    return new DeviceProfile(
        name, positioning, bytesPerSecond, units, depth, mechanical, maxRequestBytes);
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
