package dev.oversold.scenarios.dto;

import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.units.ByteRate;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.Percent;
import java.util.Map;

/** What a VPS provider sells, in platform-neutral knobs. */
@Doc("What a VPS provider sells, in platform-neutral knobs that each platform maps onto its own.")
public record PlanDto(
    @Doc(value = "Virtual CPUs (OpenVZ: visible CPUs).", byDefault = "1") Integer vcpus,
    @Doc("CPU weight, limit and reservation.") CpuDto cpu,
    @Required @Doc("RAM and swap of the VPS.") MemoryDto memory,
    @Doc("Disk size, limits and weight.") DiskDto disk,
    @Doc("Network limit.") NetworkDto network,
    @Doc("Process table limit.") ProcessesDto processes,
    @Doc(
            "Platform-native knobs with units (openvz: cpuunits, cpulimit, cpus; kvm: cpu.weight,"
                + " cpu.max; xen: weight, cap; vmware: shares, reservation-mhz, limit-mhz); they"
                + " win over the neutral knobs.")
        @Key("native")
        Map<String, Node> nativeKnobs)
    implements PlanRef {

  /** Neutral CPU knobs. */
  @Doc("Neutral CPU knobs.")
  public record CpuDto(
      @Doc(
              value =
                  "Relative weight: 1.0 = OpenVZ cpuunits 1000, Xen weight 256, cgroup cpu.weight"
                      + " 100, ESXi normal shares.",
              byDefault = "1.0")
          Double weight,
      @Doc(value = "Ceiling in % of one reference core (400% = four cores).", byDefault = "none")
          Percent limit,
      @Doc(value = "Guaranteed floor in % of one reference core.", byDefault = "0%")
          Percent reservation) {}

  /** RAM and swap. */
  @Doc("RAM and swap: OpenVZ physpages and vSwap swappages; VMs: guest RAM and guest swap.")
  public record MemoryDto(
      @Required @Doc("RAM of the VPS.") ByteSize ram,
      @Doc(value = "Swap of the VPS (OpenVZ vSwap).", byDefault = "0B") ByteSize swap) {}

  /** Disk knobs. */
  @Doc("Disk knobs.")
  public record DiskDto(
      @Doc(value = "Provisioned size.", byDefault = "0B") ByteSize size,
      @Doc(value = "Operations per second ceiling.", byDefault = "none") @PerSecond
          Double iopsLimit,
      @Doc(value = "Throughput ceiling.", byDefault = "none") ByteRate bandwidthLimit,
      @Doc(
              value =
                  "Relative I/O weight: 1.0 = OpenVZ ioprio 4, cgroup io.weight 100, SIOC normal.",
              byDefault = "1.0")
          Double weight) {}

  /** Network knobs. */
  @Doc("Network knobs.")
  public record NetworkDto(
      @Doc(value = "Bandwidth ceiling.", byDefault = "none") ByteRate bandwidthLimit) {}

  /** Process knobs. */
  @Doc("Process table.")
  public record ProcessesDto(
      @Doc(
              value = "Most processes (OpenVZ numproc; VMs: the guest's own table).",
              byDefault = "32768")
          Integer limit) {}
}
