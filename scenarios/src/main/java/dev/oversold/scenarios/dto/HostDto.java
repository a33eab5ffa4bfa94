package dev.oversold.scenarios.dto;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.units.ByteRate;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.TimeSpan;
import java.util.Map;

/** A physical host. */
@Doc("A physical host.")
public record HostDto(
    @Required @Doc("Unique name of the host.") String name,
    @Required @Doc("What shares the host among its tenants.") PlatformKind platform,
    @Required @Doc("Cores and their speed.") CpuDto cpu,
    @Required @Doc("RAM and host swap.") MemoryDto memory,
    @Doc("The shared block device.") DiskDto disk,
    @Doc("The shared network interface.") NetworkDto network,
    @Doc(
            "Platform-specific host knobs with units, as the host's platform declares them with"
                + " their defaults (the schema lists them per platform); see"
                + " docs/scenario-format.md.")
        Map<String, Node> options,
    @Doc(
            "Host options per platform, for commands that run the host on another platform"
                + " (compare, plan, a --set of its platform): a platform name, then that"
                + " platform's options as options takes them. A platform not named runs its"
                + " defaults; the host's own platform takes options or its block here, not both.")
        Map<String, Node> platformOptions) {

  /** Cores and speed. */
  @Doc("Cores and their speed.")
  public record CpuDto(
      @Required @Doc("Physical cores (hardware threads) the host schedules on.") Integer cores,
      @Doc(
              value = "Work per second of one core, relative to the reference core.",
              byDefault = "1.0")
          Double speed) {}

  /** RAM and swap. */
  @Doc("RAM and host swap.")
  public record MemoryDto(
      @Required @Doc("Physical memory.") ByteSize ram,
      @Doc(value = "Host swap space.", byDefault = "0B") ByteSize swap) {}

  /** The disk. */
  @Doc("The shared block device.")
  public record DiskDto(
      @Doc(value = "Random 4 KiB operations per second at saturation.", byDefault = "20000")
          @PerSecond
          Double iops,
      @Doc(value = "Sequential throughput.", byDefault = "500MB/s") ByteRate bandwidth,
      @Doc(value = "Service time of one operation on an idle device.", byDefault = "100us")
          TimeSpan latency,
      @Doc(value = "Capacity, as providers size disks; informational (space is not simulated).")
          ByteSize size,
      @Doc(
              "A named device instead of iops, bandwidth and latency: hdd (7,200 rpm SATA, one"
                  + " arm), ssd (SATA SSD) or nvme (datacenter NVMe SSD).")
          String profile,
      @Doc(
              value =
                  "Requests the device accepts at once (NCQ tags, NVMe queue entries); more wait"
                      + " in the host's I/O scheduler.",
              byDefault = "32 (hdd, ssd and derived devices), 1024 (nvme)")
          Integer queueDepth) {}

  /** The NIC. */
  @Doc("The shared network interface.")
  public record NetworkDto(
      @Doc(value = "Line rate.", byDefault = "1Gbit/s") ByteRate bandwidth,
      @Doc(value = "One-way latency added to every transfer.", byDefault = "50us")
          TimeSpan latency) {}
}
