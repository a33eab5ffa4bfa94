package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.engine.SimDuration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A physical host.
 *
 * @param name unique within the scenario
 * @param platform what shares the host among tenants
 * @param cpu cores and their speed
 * @param memory RAM and host swap
 * @param disk the shared block device
 * @param network the shared NIC
 * @param options platform-specific host knobs, resolved (defaults filled in)
 */
public record HostSpec(
    String name,
    PlatformKind platform,
    Cpu cpu,
    Memory memory,
    Disk disk,
    Network network,
    KnobValues options) {

  public HostSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(options, "options");
  }

  /**
   * The same host on another platform with that platform's options; the I/O scheduler goes back to
   * the new platform's default (a scheduler is a host option, and kernels differ in what they
   * have).
   */
  public HostSpec withPlatform(PlatformKind newPlatform, KnobValues newOptions) {
    return new HostSpec(
        name, newPlatform, cpu, memory, disk.withScheduler(null), network, newOptions);
  }

  /**
   * Cores and speed.
   *
   * @param cores physical cores (hardware threads) the host schedules on
   * @param speed work per second of one core, relative to the reference core of workload demands
   */
  public record Cpu(int cores, double speed) {
    public Cpu {
      checkArgument(cores >= 1, "cores must be >= 1, got %s", cores);
      checkArgument(speed > 0 && speed < 1e6, "speed must be > 0, got %s", speed);
    }

    /** Reference-core-seconds of work the host can do per second. */
    public double capacity() {
      return cores * speed;
    }
  }

  /** RAM and host swap, in bytes. */
  public record Memory(long ramBytes, long swapBytes) {
    public Memory {
      checkArgument(ramBytes > 0, "ram must be > 0, got %s", ramBytes);
      checkArgument(swapBytes >= 0, "swap must be >= 0, got %s", swapBytes);
    }
  }

  /**
   * The block device.
   *
   * @param iops random 4 KiB operations per second at saturation
   * @param bandwidthBytesPerSecond sequential throughput
   * @param latency service time of one operation on an idle device
   * @param kind a named profile ({@code disk.profile}), or {@link DiskKind#DERIVED} from the three
   *     figures above; for a profile they are the profile's own nominal figures
   * @param queueDepth requests the device accepts at once (NCQ tags, NVMe entries); 0 = the
   *     profile's own (32 for a derived device)
   * @param scheduler the host's I/O scheduler ({@code options.io-scheduler}); null = the platform's
   *     default for this device
   */
  public record Disk(
      double iops,
      double bandwidthBytesPerSecond,
      SimDuration latency,
      DiskKind kind,
      int queueDepth,
      @Nullable IoSchedulerKind scheduler) {
    public Disk {
      checkArgument(iops > 0, "iops must be > 0, got %s", iops);
      checkArgument(bandwidthBytesPerSecond > 0, "bandwidth must be > 0");
      Objects.requireNonNull(latency, "latency");
      checkArgument(latency.nanos() >= 0, "latency must be >= 0, got %s", latency);
      Objects.requireNonNull(kind, "kind");
      checkArgument(queueDepth >= 0, "queue depth must be >= 0, got %s", queueDepth);
    }

    /** A device derived from the three figures, default queue depth and scheduler. */
    public Disk(double iops, double bandwidthBytesPerSecond, SimDuration latency) {
      this(iops, bandwidthBytesPerSecond, latency, DiskKind.DERIVED, 0, null);
    }

    /** A named profile's device, its figures filled in from the profile. */
    public static Disk of(DiskKind kind, int queueDepth, @Nullable IoSchedulerKind scheduler) {
      var profile = kind.profile();
      return new Disk(
          DiskKind.nominalIops(profile),
          profile.bytesPerSecond(),
          profile.positioning(),
          kind,
          queueDepth,
          scheduler);
    }

    public Disk withScheduler(@Nullable IoSchedulerKind newScheduler) {
      return new Disk(iops, bandwidthBytesPerSecond, latency, kind, queueDepth, newScheduler);
    }
  }

  /**
   * The NIC.
   *
   * @param bandwidthBytesPerSecond line rate in bytes per second
   * @param latency one-way latency added to every transfer
   */
  public record Network(double bandwidthBytesPerSecond, SimDuration latency) {
    public Network {
      checkArgument(bandwidthBytesPerSecond > 0, "bandwidth must be > 0");
      Objects.requireNonNull(latency, "latency");
    }
  }
}
