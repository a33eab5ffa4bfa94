package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.bind.Suggest;
import dev.oversold.scenarios.dto.HostDto;
import dev.oversold.scenarios.schema.KnobSchema;
import dev.oversold.scenarios.tree.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Converts a host DTO, filling in defaults and the platform's default options. */
final class HostConverter {
  private static final String PLATFORM_OPTIONS = KnobSchema.PLATFORM_OPTIONS;

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
    PlatformKind own = dto.platform();
    // the blocks are checked even when the platform is missing or invalid (its own problem), so
    // that one run reports every problem of the file
    Blocks blocks = blocks(dto, own, disk, path, context);
    Map<PlatformKind, HostSpec.PlatformOptions> others = blocks.others();
    if (own != null) {
      HostSpec.PlatformOptions resolved =
          platformOptions(own, blocks.ownGiven(), disk, blocks.ownPath(), context);
      options = resolved.options();
      if (disk != null) {
        disk = disk.withScheduler(resolved.scheduler());
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
    return new HostSpec(dto.name(), dto.platform(), cpu, memory, disk, network, options, others);
  }

  /**
   * A host's {@code platform-options}: the other platforms' blocks, resolved, and where the host's
   * own platform takes its options from ({@code options}, or its own block when {@code options} is
   * not given).
   */
  private record Blocks(
      Map<PlatformKind, HostSpec.PlatformOptions> others,
      @Nullable Map<String, Node> ownGiven,
      String ownPath) {}

  /**
   * Checks each {@code platform-options} block of a host on {@code own}; problems are reported.
   * With no (valid) platform, {@code own} is null and every block is checked as another platform's.
   */
  private static Blocks blocks(
      HostDto dto,
      @Nullable PlatformKind own,
      HostSpec.@Nullable Disk disk,
      String path,
      Context context) {
    Map<PlatformKind, HostSpec.PlatformOptions> others = new LinkedHashMap<>();
    Map<String, Node> ownGiven = dto.options();
    String ownPath = path + ".options";
    if (dto.platformOptions() == null) {
      return new Blocks(others, ownGiven, ownPath);
    }
    List<String> ids = Platforms.kinds().stream().map(PlatformKind::id).toList();
    for (Map.Entry<String, Node> block : dto.platformOptions().entrySet()) {
      String id = block.getKey();
      String blockPath = path + "." + PLATFORM_OPTIONS + "." + id;
      Map<String, Node> given = knobNodes(block.getValue());
      PlatformKind kind = Platforms.byId(id).orElse(null);
      if (kind == null) {
        context.errorAtKey(
            blockPath,
            "unknown platform '" + id + "' in " + PLATFORM_OPTIONS + Suggest.hint(id, ids),
            "one of: " + Suggest.list(ids));
      } else if (given == null) {
        context.error(
            blockPath,
            "expected a mapping of " + id + "'s options, found " + block.getValue().shape(),
            "options of "
                + id
                + " as options takes them, e.g. { "
                + KnobSchema.IO_SCHEDULER
                + ": "
                + Platforms.of(kind).io().ioSchedulers().get(0).id()
                + " }, or {} for its defaults");
      } else if (kind != own) {
        others.put(kind, platformOptions(kind, given, disk, blockPath, context));
      } else if (dto.options() != null) {
        context.errorAtKey(
            blockPath,
            "the options of "
                + id
                + ", the host's own platform, are given twice: in options and in "
                + PLATFORM_OPTIONS
                + "."
                + id,
            "keep one: move the keys of options into "
                + PLATFORM_OPTIONS
                + "."
                + id
                + " and remove options (the file then reads the same on any platform), or"
                + " remove "
                + PLATFORM_OPTIONS
                + "."
                + id);
      } else {
        ownGiven = given;
        ownPath = blockPath;
      }
    }
    return new Blocks(others, ownGiven, ownPath);
  }

  /**
   * One platform's options as a host gives them (in {@code options} or a {@code platform-options}
   * block, at {@code path}): checked against the platform's declared options, defaults filled in,
   * {@code io-scheduler} against the platform's kernel. Problems are reported; what was valid is
   * kept, so that the rest of the file is still checked.
   */
  private static HostSpec.PlatformOptions platformOptions(
      PlatformKind kind,
      @Nullable Map<String, Node> given,
      HostSpec.@Nullable Disk disk,
      String path,
      Context context) {
    Platform platform = Platforms.of(kind);
    Map<String, Double> values = new TreeMap<>(Platforms.defaultOptions(kind).values());
    Map<String, Node> knobs = given == null ? null : new TreeMap<>(given);
    Node schedulerNode = knobs == null ? null : knobs.remove(KnobSchema.IO_SCHEDULER);
    values.putAll(
        Knobs.parse(knobs, platform.hostOptions(), path, "option of " + kind.id(), context));
    IoSchedulerKind scheduler = null;
    if (schedulerNode != null && disk != null) {
      scheduler = scheduler(schedulerNode, platform, kind.id(), disk, path, context);
    }
    return new HostSpec.PlatformOptions(new KnobValues(values), scheduler);
  }

  /** A block's options by key; empty for an empty value, null when it is not a mapping. */
  private static @Nullable Map<String, Node> knobNodes(@Nullable Node block) {
    if (block == null || (block instanceof Node.ScalarNode scalar && scalar.isNull())) {
      return Map.of();
    }
    if (!(block instanceof Node.MapNode map)) {
      return null;
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    map.entries().values().forEach(e -> nodes.put(e.key(), e.value()));
    return nodes;
  }

  /** A host's {@code io-scheduler} option: a scheduler the platform's kernel has. */
  private static @Nullable IoSchedulerKind scheduler(
      Node node,
      Platform platform,
      String platformId,
      HostSpec.Disk disk,
      String path,
      Context context) {
    String keyPath = path + "." + KnobSchema.IO_SCHEDULER;
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
    return kind;
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
