package dev.oversold.scenarios.convert;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.dto.PlanDto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a plan DTO. Native knobs are checked against every platform the plan is used on (a plan
 * sold on a kvm host cannot set OpenVZ's cpuunits); an unused plan's knobs must belong to some
 * platform.
 */
final class PlanConverter {
  private PlanConverter() {}

  static PlanSpec convert(
      String name, PlanDto dto, String path, Collection<PlatformKind> usedOn, Context context) {
    int vcpus = dto.vcpus() == null ? Defaults.PLAN_VCPUS : dto.vcpus();
    boolean ok = true;
    if (vcpus < 1 || vcpus > 4096) {
      context.error(
          path + ".vcpus", "vcpus must be between 1 and 4096", "a whole number such as 2");
      ok = false;
    }
    PlanSpec.Cpu cpu = cpu(dto.cpu(), path + ".cpu", vcpus, context);
    PlanSpec.Memory memory = null;
    if (dto.memory() != null && dto.memory().ram() != null) {
      long ram = dto.memory().ram().bytes();
      long swap =
          dto.memory().swap() == null ? Defaults.PLAN_SWAP_BYTES : dto.memory().swap().bytes();
      if (ram <= 0) {
        context.error(path + ".memory.ram", "RAM must be more than 0", "a size such as 1GiB");
      } else {
        memory = new PlanSpec.Memory(ram, swap);
      }
    }
    PlanSpec.Disk disk = disk(dto.disk(), path + ".disk", context);
    PlanDto.NetworkDto net = dto.network();
    double netLimit =
        net == null || net.bandwidthLimit() == null
            ? Defaults.PLAN_NETWORK_LIMIT
            : net.bandwidthLimit().value();
    if (!(netLimit > 0)) {
      context.error(
          path + ".network.bandwidth-limit",
          "the limit must be more than 0",
          "e.g. 100Mbit/s, or leave it out for none");
      ok = false;
    }
    int processes =
        dto.processes() == null || dto.processes().limit() == null
            ? Defaults.PLAN_PROCESS_LIMIT
            : dto.processes().limit();
    if (processes < 1) {
      context.error(
          path + ".processes.limit",
          "the process limit must be at least 1",
          "a whole number such as 256");
      ok = false;
    }
    KnobValues knobs = nativeKnobs(dto, path + ".native", usedOn, context);
    if (!ok || cpu == null || memory == null || disk == null || knobs == null) {
      return null;
    }
    return new PlanSpec(
        name, vcpus, cpu, memory, disk, new PlanSpec.Network(netLimit), processes, knobs);
  }

  private static PlanSpec.Cpu cpu(PlanDto.CpuDto dto, String path, int vcpus, Context context) {
    double weight = dto == null || dto.weight() == null ? Defaults.PLAN_CPU_WEIGHT : dto.weight();
    double limit =
        dto == null || dto.limit() == null ? Defaults.PLAN_CPU_LIMIT_CORES : dto.limit().value();
    double reservation =
        dto == null || dto.reservation() == null
            ? Defaults.PLAN_CPU_RESERVATION_CORES
            : dto.reservation().value();
    boolean ok = true;
    if (!(weight > 0)) {
      context.error(path + ".weight", "the weight must be more than 0", "a number such as 1.0");
      ok = false;
    }
    if (!(limit > 0)) {
      context.error(
          path + ".limit",
          "a limit of 0% would never run",
          "a percentage > 0, or leave it out for none");
      ok = false;
    }
    if (reservation > limit) {
      context.error(
          path + ".reservation", "the reservation is above the limit", "at most the limit");
      ok = false;
    } else if (reservation > vcpus) {
      context.error(
          path + ".reservation",
          "a reservation of "
              + Math.round(reservation * 100)
              + "% is more than "
              + vcpus
              + " vCPUs can use",
          "at most " + vcpus * 100 + "%");
      ok = false;
    }
    return ok ? new PlanSpec.Cpu(weight, limit, reservation) : null;
  }

  private static PlanSpec.Disk disk(PlanDto.DiskDto dto, String path, Context context) {
    long size = dto == null || dto.size() == null ? Defaults.PLAN_DISK_BYTES : dto.size().bytes();
    double iops =
        dto == null || dto.iopsLimit() == null ? Defaults.PLAN_IOPS_LIMIT : dto.iopsLimit();
    double bandwidth =
        dto == null || dto.bandwidthLimit() == null
            ? Defaults.PLAN_DISK_BANDWIDTH_LIMIT
            : dto.bandwidthLimit().value();
    double weight = dto == null || dto.weight() == null ? Defaults.PLAN_DISK_WEIGHT : dto.weight();
    boolean ok = true;
    if (!(iops > 0)) {
      context.error(
          path + ".iops-limit",
          "the limit must be more than 0",
          "operations per second, or leave it out for none");
      ok = false;
    }
    if (!(bandwidth > 0)) {
      context.error(
          path + ".bandwidth-limit",
          "the limit must be more than 0",
          "e.g. 50MB/s, or leave it out for none");
      ok = false;
    }
    if (!(weight > 0)) {
      context.error(path + ".weight", "the weight must be more than 0", "a number such as 1.0");
      ok = false;
    }
    return ok ? new PlanSpec.Disk(size, iops, bandwidth, weight) : null;
  }

  private static KnobValues nativeKnobs(
      PlanDto dto, String path, Collection<PlatformKind> usedOn, Context context) {
    if (dto.nativeKnobs() == null || dto.nativeKnobs().isEmpty()) {
      return KnobValues.NONE;
    }
    Collection<PlatformKind> platforms = usedOn.isEmpty() ? Platforms.kinds() : usedOn;
    Map<String, Double> values = new TreeMap<>();
    int before = context.problems.size();
    if (usedOn.isEmpty()) {
      List<Knob> all = new ArrayList<>();
      for (PlatformKind kind : platforms) {
        for (Knob knob : Platforms.of(kind).nativeKnobs()) {
          if (all.stream().noneMatch(k -> k.key().equals(knob.key()))) {
            all.add(knob);
          }
        }
      }
      values.putAll(Knobs.parse(dto.nativeKnobs(), all, path, "native knob", context));
    } else {
      for (PlatformKind kind : platforms) {
        values.putAll(
            Knobs.parse(
                dto.nativeKnobs(),
                Platforms.of(kind).nativeKnobs(),
                path,
                "native knob of " + kind.id(),
                context));
      }
    }
    if (context.problems.size() == before) {
      BarrierLimits.check(new KnobValues(values), platforms, path, context);
    }
    return context.problems.size() == before ? new KnobValues(values) : null;
  }
}
