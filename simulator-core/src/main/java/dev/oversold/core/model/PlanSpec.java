package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * What a VPS provider sells, in platform-neutral knobs that each platform maps onto its own.
 *
 * @param name the plan's name in the scenario (or the tenant's name for an inline plan)
 * @param vcpus virtual CPUs (OpenVZ: visible CPUs, set with {@code vzctl set --cpus})
 * @param cpu weight, limit and reservation
 * @param memory RAM and swap
 * @param disk size, limits and weight
 * @param network bandwidth limit
 * @param processLimit most processes (OpenVZ numproc; VMs: the guest's own table)
 * @param nativeKnobs platform-native overrides, which win over the neutral knobs
 */
public record PlanSpec(
    String name,
    int vcpus,
    Cpu cpu,
    Memory memory,
    Disk disk,
    Network network,
    int processLimit,
    KnobValues nativeKnobs) {

  public PlanSpec {
    Objects.requireNonNull(name, "name");
    checkArgument(vcpus >= 1, "vcpus must be >= 1, got %s", vcpus);
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(network, "network");
    checkArgument(processLimit >= 1, "process limit must be >= 1, got %s", processLimit);
    Objects.requireNonNull(nativeKnobs, "nativeKnobs");
  }

  /**
   * Neutral CPU knobs.
   *
   * @param weight relative to the platform default (1.0 = cpuunits 1000, Xen weight 256, CFS 1024,
   *     ESXi normal shares)
   * @param limitCores ceiling in reference cores (100% = 1.0); infinity for no limit
   * @param reservationCores guaranteed floor in reference cores; 0 for none
   */
  public record Cpu(double weight, double limitCores, double reservationCores) {
    public Cpu {
      checkArgument(
          weight > 0 && Double.isFinite(weight), "cpu weight must be > 0, got %s", weight);
      checkArgument(limitCores > 0, "cpu limit must be > 0, got %s", limitCores);
      checkArgument(
          reservationCores >= 0 && Double.isFinite(reservationCores),
          "cpu reservation must be >= 0, got %s",
          reservationCores);
    }

    public boolean limited() {
      return Double.isFinite(limitCores);
    }
  }

  /** Guest RAM (OpenVZ physpages) and swap (OpenVZ vSwap swappages), in bytes. */
  public record Memory(long ramBytes, long swapBytes) {
    public Memory {
      checkArgument(ramBytes > 0, "ram must be > 0, got %s", ramBytes);
      checkArgument(swapBytes >= 0, "swap must be >= 0, got %s", swapBytes);
    }
  }

  /**
   * Disk knobs.
   *
   * @param sizeBytes provisioned size
   * @param iopsLimit operations per second ceiling; infinity for none
   * @param bandwidthLimitBytesPerSecond bytes per second ceiling; infinity for none
   * @param weight relative I/O weight (1.0 = OpenVZ ioprio 4, io.weight 100, SIOC normal 1000)
   */
  public record Disk(
      long sizeBytes, double iopsLimit, double bandwidthLimitBytesPerSecond, double weight) {
    public Disk {
      checkArgument(sizeBytes >= 0, "disk size must be >= 0");
      checkArgument(iopsLimit > 0, "iops limit must be > 0");
      checkArgument(bandwidthLimitBytesPerSecond > 0, "disk bandwidth limit must be > 0");
      checkArgument(weight > 0 && Double.isFinite(weight), "disk weight must be > 0");
    }
  }

  /** Network bandwidth ceiling in bytes per second; infinity for none. */
  public record Network(double bandwidthLimitBytesPerSecond) {
    public Network {
      checkArgument(bandwidthLimitBytesPerSecond > 0, "network bandwidth limit must be > 0");
    }
  }
}
