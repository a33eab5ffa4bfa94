package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.dto.HostDto;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Converts a host DTO, filling in defaults and the platform's default options. */
final class HostConverter {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private HostConverter() {}

  static HostSpec convert(HostDto dto, String path, Context context) {
    if (dto.name() != null && !NAME.matcher(dto.name()).matches()) {
      context.error(
          path + ".name",
          "host name '" + dto.name() + "' is not valid",
          "letters, digits, '.', '_' and '-'");
    }
    HostSpec.Cpu cpu = null;
    if (dto.cpu() != null && dto.cpu().cores() != null) {
      double speed = dto.cpu().speed() == null ? Defaults.HOST_CPU_SPEED : dto.cpu().speed();
      if (dto.cpu().cores() < 1 || dto.cpu().cores() > 100_000) {
        context.error(
            path + ".cpu.cores", "cores must be between 1 and 100000", "a whole number such as 8");
      } else if (!(speed > 0 && speed < 1e6)) {
        context.error(path + ".cpu.speed", "speed must be more than 0", "a number such as 1.0");
      } else {
        cpu = new HostSpec.Cpu(dto.cpu().cores(), speed);
      }
    }
    HostSpec.Memory memory = null;
    if (dto.memory() != null && dto.memory().ram() != null) {
      long ram = dto.memory().ram().bytes();
      long swap =
          dto.memory().swap() == null ? Defaults.HOST_SWAP_BYTES : dto.memory().swap().bytes();
      if (ram <= 0) {
        context.error(path + ".memory.ram", "RAM must be more than 0", "a size such as 32GiB");
      } else {
        memory = new HostSpec.Memory(ram, swap);
      }
    }
    HostSpec.Disk disk = disk(dto.disk(), path + ".disk", context);
    HostSpec.Network network = network(dto.network(), path + ".network", context);
    KnobValues options = null;
    if (dto.platform() != null) {
      Platform platform = Platforms.of(dto.platform());
      Map<String, Double> values = new TreeMap<>(Platforms.defaultOptions(dto.platform()).values());
      values.putAll(
          Knobs.parse(
              dto.options(),
              platform.hostOptions(),
              path + ".options",
              "option of " + dto.platform().id(),
              context));
      options = new KnobValues(values);
    }
    if (dto.name() == null
        || dto.platform() == null
        || cpu == null
        || memory == null
        || disk == null
        || network == null) {
      return null;
    }
    return new HostSpec(dto.name(), dto.platform(), cpu, memory, disk, network, options);
  }

  private static HostSpec.Disk disk(HostDto.DiskDto dto, String path, Context context) {
    double iops = dto == null || dto.iops() == null ? Defaults.DISK_IOPS : dto.iops();
    double bandwidth =
        dto == null || dto.bandwidth() == null
            ? Defaults.DISK_BANDWIDTH_BYTES_PER_SECOND
            : dto.bandwidth().value();
    long latency =
        dto == null || dto.latency() == null ? Defaults.DISK_LATENCY_NANOS : dto.latency().nanos();
    boolean ok = true;
    if (!(iops > 0)) {
      context.error(
          path + ".iops", "iops must be more than 0", "operations per second, e.g. 20000");
      ok = false;
    }
    if (!(bandwidth > 0)) {
      context.error(path + ".bandwidth", "bandwidth must be more than 0", "e.g. 500MB/s");
      ok = false;
    }
    if (dto != null && dto.size() != null && dto.size().bytes() <= 0) {
      context.error(path + ".size", "the disk size must be more than 0", "e.g. 2TiB");
      ok = false;
    }
    return ok ? new HostSpec.Disk(iops, bandwidth, SimDuration.ofNanos(latency)) : null;
  }

  private static HostSpec.Network network(HostDto.NetworkDto dto, String path, Context context) {
    double bandwidth =
        dto == null || dto.bandwidth() == null
            ? Defaults.NETWORK_BANDWIDTH_BYTES_PER_SECOND
            : dto.bandwidth().value();
    long latency =
        dto == null || dto.latency() == null
            ? Defaults.NETWORK_LATENCY_NANOS
            : dto.latency().nanos();
    if (!(bandwidth > 0)) {
      context.error(path + ".bandwidth", "bandwidth must be more than 0", "e.g. 1Gbit/s");
      return null;
    }
    return new HostSpec.Network(bandwidth, SimDuration.ofNanos(latency));
  }
}
