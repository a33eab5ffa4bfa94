package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.dto.HostDto;
import dev.oversold.scenarios.schema.KnobSchema;
import dev.oversold.scenarios.tree.Node;
import java.util.List;
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
      Map<String, Node> given = dto.options() == null ? null : new TreeMap<>(dto.options());
      Node schedulerNode = given == null ? null : given.remove(KnobSchema.IO_SCHEDULER);
      values.putAll(
          Knobs.parse(
              given,
              platform.hostOptions(),
              path + ".options",
              "option of " + dto.platform().id(),
              context));
      options = new KnobValues(values);
      if (schedulerNode != null && disk != null) {
        disk = scheduler(schedulerNode, platform, dto.platform().id(), disk, path, context);
      }
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

  /** The host's {@code options.io-scheduler}: a scheduler the platform's kernel has. */
  private static HostSpec.Disk scheduler(
      Node node,
      Platform platform,
      String platformId,
      HostSpec.Disk disk,
      String path,
      Context context) {
    String keyPath = path + ".options." + KnobSchema.IO_SCHEDULER;
    List<IoSchedulerKind> allowed = platform.io().ioSchedulers();
    String allowedList =
        "one of: "
            + String.join(", ", allowed.stream().map(IoSchedulerKind::id).toList())
            + " (default "
            + platform.io().defaultIoScheduler(disk.kind()).id()
            + ")";
    if (!(node instanceof Node.ScalarNode scalar) || scalar.isNull()) {
      context.error(keyPath, "expected a scheduler name, found " + node.shape(), allowedList);
      return null;
    }
    String name = scalar.text().strip();
    IoSchedulerKind kind = IoSchedulerKind.byId(name).orElse(null);
    if (kind == null) {
      context.error(keyPath, "unknown I/O scheduler '" + name + "'", allowedList);
      return null;
    }
    if (!allowed.contains(kind)) {
      context.error(
          keyPath,
          "the " + platformId + " host's kernel has no '" + name + "' scheduler",
          allowedList);
      return null;
    }
    return disk.withScheduler(kind);
  }

  private static HostSpec.Disk disk(HostDto.DiskDto dto, String path, Context context) {
    if (dto != null && dto.queueDepth() != null && dto.queueDepth() < 1) {
      context.error(
          path + ".queue-depth",
          "queue depth must be at least 1, found " + dto.queueDepth(),
          "a whole number of requests the device accepts at once, e.g. 32 (SATA NCQ)");
      return null;
    }
    if (dto != null && dto.latency() != null && dto.latency().nanos() < 0) {
      context.error(path + ".latency", "latency must not be negative", "a duration such as 100us");
      return null;
    }
    int depth = dto == null || dto.queueDepth() == null ? 0 : dto.queueDepth();
    if (dto != null && dto.profile() != null) {
      DiskKind kind = DiskKind.byId(dto.profile()).orElse(null);
      if (kind == null) {
        context.error(
            path + ".profile",
            "unknown disk profile '" + dto.profile() + "'",
            "one of: hdd, ssd, nvme");
        return null;
      }
      if (dto.iops() != null || dto.bandwidth() != null || dto.latency() != null) {
        context.error(
            path + ".profile",
            "a disk profile sets iops, bandwidth and latency itself",
            "either profile or iops/bandwidth/latency, not both");
        return null;
      }
      return HostSpec.Disk.of(kind, depth, null);
    }
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
    return ok
        ? new HostSpec.Disk(
            iops, bandwidth, SimDuration.ofNanos(latency), DiskKind.DERIVED, depth, null)
        : null;
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
