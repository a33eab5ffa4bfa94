package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.engine.SimDuration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param options platform-specific host knobs of {@code platform}, resolved (defaults filled in)
 * @param platformOptions the options this host runs other platforms with when a command switches it
 *     to one ({@code platform-options} in a file), resolved; a platform not in it runs its
 *     defaults. Never holds {@code platform} itself, whose options are {@code options} and the
 *     disk's scheduler. {@code Platforms.onPlatform} is the one place that switches a host.
 */
public record HostSpec(
    String name,
    PlatformKind platform,
    Cpu cpu,
    Memory memory,
    Disk disk,
    Network network,
    KnobValues options,
    Map<PlatformKind, PlatformOptions> platformOptions) {

  public HostSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(options, "options");
    platformOptions =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(platformOptions, "platformOptions")));
    checkArgument(
        !platformOptions.containsKey(platform),
        "platformOptions must not hold the host's own platform %s",
        platform);
  }

  /** A host that runs only its own platform's options elsewhere (no other platform's options). */
  public HostSpec(
      String name,
      PlatformKind platform,
      Cpu cpu,
      Memory memory,
      Disk disk,
      Network network,
      KnobValues options) {
    this(name, platform, cpu, memory, disk, network, options, Map.of());
  }

  /**
   * The same host on another platform with {@code newOptions}, its I/O scheduler included (a
   * scheduler is a host option, and kernels differ in what they have). The options it ran on its
   * old platform are kept for that platform, so switching back restores them. Callers choosing the
   * options go through {@code Platforms.onPlatform}.
   */
  public HostSpec withPlatform(PlatformKind newPlatform, PlatformOptions newOptions) {
    Map<PlatformKind, PlatformOptions> others = new LinkedHashMap<>(platformOptions);
    if (newPlatform != platform) {
      others.put(platform, new PlatformOptions(options, disk.scheduler()));
    }
    others.remove(newPlatform);
    return new HostSpec(
        name,
        newPlatform,
        cpu,
        memory,
        disk.withScheduler(newOptions.scheduler()),
        network,
        newOptions.options(),
        others);
  }

  /** {@link #withPlatform(PlatformKind, PlatformOptions)} with the platform's default scheduler. */
  public HostSpec withPlatform(PlatformKind newPlatform, KnobValues newOptions) {
    return withPlatform(newPlatform, new PlatformOptions(newOptions, null));
  }

  /**
   * A platform's host options for this host: its knobs, resolved, and its I/O scheduler.
   *
   * @param options the platform's host knobs, defaults filled in
   * @param scheduler {@code io-scheduler}; null = the platform's default for the device
   */
  public record PlatformOptions(KnobValues options, @Nullable IoSchedulerKind scheduler) {
    public PlatformOptions {
      Objects.requireNonNull(options, "options");
    }
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
