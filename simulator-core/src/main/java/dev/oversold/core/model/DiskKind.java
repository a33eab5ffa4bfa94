package dev.oversold.core.model;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.storage.DeviceProfile;
import java.util.Locale;
import java.util.Optional;

/**
 * What a host's block device is: one of the named profiles ({@code disk.profile}), or a device
 * derived from the old keys (iops, bandwidth, latency) of files written before profiles existed.
 */
public enum DiskKind {
  /** Derived from iops, bandwidth and latency (see {@code HostStorage}). */
  DERIVED("derived"),
  /** {@link DeviceProfile#hdd7200()}: a 7,200 rpm SATA disk, one arm, NCQ 32. */
  HDD("hdd"),
  /** {@link DeviceProfile#sataSsd()}: a SATA SSD, NCQ 32. */
  SSD("ssd"),
  /**
   * A datacenter NVMe SSD: 20 us read access and 2.8 GB/s sequential read, 9 units (about 450,000
   * random 4 KiB reads per second at depth; an Intel DC P3700's datasheet gives 460,000 IOPS, 2.8
   * GB/s and 20 us [M Intel DC P3700 product specification]), 1,024 queue entries (blk-mq's
   * nr_requests cap on one hardware queue; NVMe allows up to 64 Ki entries).
   */
  NVME("nvme");

  private final String id;

  DiskKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The profile named {@code id} in a scenario file ({@code derived} is not one). */
  public static Optional<DiskKind> byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (DiskKind kind : values()) {
      if (kind != DERIVED && kind.id.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The named device; {@code DERIVED} has none (it comes from the host's old keys). */
  public DeviceProfile profile() {
    return switch (this) {
      case DERIVED -> throw new IllegalStateException("a derived disk has no named profile");
      case HDD -> DeviceProfile.hdd7200();
      case SSD -> DeviceProfile.sataSsd();
      case NVME -> new DeviceProfile("nvme", SimDuration.ofMicros(20), 2.8e9, 9, 1024, false);
    };
  }

  /**
   * Random 4 KiB operations per second the profile serves at depth: its units each position and the
   * channel moves 4 KiB, whichever is slower; for a disk, one arm does both in series.
   */
  public static double nominalIops(DeviceProfile profile) {
    double positioning = profile.positioning().nanos() / 1e9;
    double transfer = 4096 / profile.bytesPerSecond();
    if (profile.mechanical()) {
      return 1 / (positioning + transfer);
    }
    return Math.min(profile.units() / positioning, 1 / transfer);
  }
}
