package dev.oversold.scenarios;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.Skew;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.Admission;
import dev.oversold.core.platform.Platforms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Builds valid random scenarios from a seed (jqwik supplies the seeds): every workload kind,
 * arrival process and distribution, native knobs of each platform, awkward doubles and durations.
 * Valid means what the loader accepts: every host's platform admits its tenants ({@link Admission}:
 * Xen RAM fits, ESXi memory reservations fit, CPU reservations fit, vCPUs within the host's cores).
 */
final class RandomScenarios {
  private static final long GIB = 1L << 30;

  private final Random random;

  /** The scenario's duration: workloads start before it (a later start is refused, issue 18). */
  private long duration;

  private RandomScenarios(long seed) {
    this.random = new Random(seed);
  }

  static Scenario scenario(long seed) {
    return new RandomScenarios(seed).scenario();
  }

  private Scenario scenario() {
    long duration = 1 + (long) (random.nextDouble() * SimTime.DAY);
    this.duration = duration;
    long warmup = random.nextBoolean() ? 0 : (long) (random.nextDouble() * (duration - 1));
    // at most 100,000 samples a run (issue 18): the interval is at least duration / 100,000
    long sample =
        Math.max((duration + 99_999) / 100_000, 1 + (long) (random.nextDouble() * (duration - 1)));
    List<HostSpec> hosts = new ArrayList<>();
    List<TenantSpec> tenants = new ArrayList<>();
    int hostCount = 1 + random.nextInt(3);
    for (int h = 0; h < hostCount; h++) {
      HostSpec host = host("h" + h);
      hosts.add(host);
      List<PlanSpec> plans = new ArrayList<>();
      for (int p = 0; p < 1 + random.nextInt(2); p++) {
        plans.add(plan("p" + h + "-" + p, host));
      }
      List<TenantSpec> placed = new ArrayList<>();
      for (int t = 0; t < 1 + random.nextInt(5); t++) {
        String name = "t" + h + "." + t;
        if (t > 0 && random.nextInt(3) == 0) {
          // shares-guest: a guest-mate of an earlier tenant of this host, whose guest it takes
          TenantSpec owner = placed.get(random.nextInt(placed.size()));
          placed.add(
              new TenantSpec(
                  name, host.name(), owner.plan(), workload(owner.plan()), owner.guest()));
        } else if (random.nextInt(6) == 0) {
          // a guest whose owner a derived scenario left out (written as guest:)
          PlanSpec plan = plans.get(random.nextInt(plans.size()));
          placed.add(new TenantSpec(name, host.name(), plan, workload(plan), "gone" + h + "." + t));
        } else {
          PlanSpec plan = plans.get(random.nextInt(plans.size()));
          placed.add(new TenantSpec(name, host.name(), plan, workload(plan)));
        }
      }
      if (!Admission.refusals(host, placed).isEmpty()) {
        // Random host options took the room the platform keeps for itself (ESXi's
        // hypervisor-memory): the platform's defaults leave room for these tenants.
        host = host.withPlatform(host.platform(), Platforms.defaultOptions(host.platform()));
        hosts.set(h, host);
        if (!Admission.refusals(host, placed).isEmpty()) {
          throw new IllegalStateException("generated an inadmissible host: " + host);
        }
      }
      tenants.addAll(placed);
    }
    ReportSettings.Interference interference = pick(ReportSettings.Interference.values());
    Map<String, String> groups = new LinkedHashMap<>();
    if (interference == ReportSettings.Interference.GROUPS || random.nextBoolean()) {
      groups.put("all", "t*");
      groups.put("first \"host\"", "t0.?");
    }
    return new Scenario(
        name(),
        text(),
        random.nextLong(),
        SimDuration.ofNanos(duration),
        SimDuration.ofNanos(warmup),
        SimDuration.ofNanos(sample),
        hosts,
        tenants,
        new ReportSettings(pick(ReportSettings.Baseline.values()), interference, groups));
  }

  private HostSpec host(String name) {
    PlatformKind platform = pick(Platforms.kinds().toArray(PlatformKind[]::new));
    Map<String, Double> options = new TreeMap<>(Platforms.defaultOptions(platform).values());
    for (Knob knob : Platforms.of(platform).hostOptions()) {
      if (random.nextBoolean() && !knob.key().equals("dom0-memory")) {
        options.put(knob.key(), knobValue(knob));
      }
    }
    return new HostSpec(
        name,
        platform,
        new HostSpec.Cpu(4 + random.nextInt(60), 0.5 + awkward(4)),
        new HostSpec.Memory(8 * GIB + random.nextLong(1L << 40), random.nextLong(1L << 40)),
        new HostSpec.Disk(
            1 + awkward(1e6),
            1 + awkward(1e10),
            SimDuration.ofNanos(random.nextLong(SimTime.SECOND))),
        new HostSpec.Network(
            1 + awkward(1e10), SimDuration.ofNanos(random.nextLong(SimTime.SECOND))),
        new KnobValues(options),
        platformOptions(platform));
  }

  /** Blocks of platform-options for some other platforms: random knobs and scheduler. */
  private Map<PlatformKind, HostSpec.PlatformOptions> platformOptions(PlatformKind own) {
    Map<PlatformKind, HostSpec.PlatformOptions> blocks = new LinkedHashMap<>();
    for (PlatformKind other : Platforms.kinds()) {
      if (other == own || random.nextInt(3) != 0) {
        continue;
      }
      Map<String, Double> values = new TreeMap<>(Platforms.defaultOptions(other).values());
      for (Knob knob : Platforms.of(other).hostOptions()) {
        if (random.nextBoolean()) {
          values.put(knob.key(), knobValue(knob));
        }
      }
      List<IoSchedulerKind> schedulers = Platforms.of(other).io().ioSchedulers();
      IoSchedulerKind scheduler =
          random.nextBoolean() ? null : schedulers.get(random.nextInt(schedulers.size()));
      blocks.put(other, new HostSpec.PlatformOptions(new KnobValues(values), scheduler));
    }
    return blocks;
  }

  private PlanSpec plan(String name, HostSpec host) {
    int vcpus = 1 + random.nextInt(host.cpu().cores());
    double reservation = random.nextBoolean() ? 0 : 0.05;
    double limit = random.nextBoolean() ? Double.POSITIVE_INFINITY : 0.1 + awkward(vcpus);
    Map<String, Double> knobs = new TreeMap<>();
    for (Knob knob : Platforms.of(host.platform()).nativeKnobs()) {
      if (random.nextBoolean()) {
        knobs.put(knob.key(), knobValue(knob));
      }
    }
    // A valid plan never has a barrier above its limit (the loader refuses it): raise the limit.
    for (var pair : Platforms.of(host.platform()).kernel().barrierLimits()) {
      if (pair.inverted(new KnobValues(knobs))) {
        knobs.put(pair.limit().key(), knobs.get(pair.barrier().key()));
      }
    }
    return new PlanSpec(
        name,
        vcpus,
        new PlanSpec.Cpu(0.01 + awkward(10), limit, reservation),
        new PlanSpec.Memory(1 + random.nextLong(GIB), random.nextLong(4 * GIB)),
        new PlanSpec.Disk(
            random.nextLong(1L << 42),
            random.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + awkward(1e5),
            random.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + awkward(1e9),
            0.01 + awkward(10)),
        new PlanSpec.Network(random.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + awkward(1e9)),
        1 + random.nextInt(100_000),
        new KnobValues(knobs));
  }

  private WorkloadSpec workload(PlanSpec plan) {
    long start = random.nextBoolean() ? 0 : random.nextLong(Math.min(SimTime.HOUR, duration));
    long stop = random.nextBoolean() ? SimTime.NEVER : start + 1 + random.nextLong(SimTime.HOUR);
    WorkloadSpec.Window window =
        new WorkloadSpec.Window(SimDuration.ofNanos(start), SimDuration.ofNanos(stop));
    return switch (random.nextInt(8)) {
      case 0 -> {
        WorkloadSpec.DatasetSpec dataset =
            random.nextBoolean()
                ? null
                : new WorkloadSpec.DatasetSpec(4096 + random.nextLong(1L << 40), skew());
        yield new WorkloadSpec.Service(
            arrivals(),
            new WorkloadSpec.RequestSpec(
                distribution(),
                awkward(10),
                dataset == null ? 0 : awkward(10),
                awkward(10),
                random.nextLong(1L << 30),
                random.nextLong(1L << 30)),
            random.nextLong(1L << 34),
            skew(),
            dataset,
            1 + random.nextInt(1000),
            1 + random.nextInt(4096),
            SimDuration.ofNanos(1 + random.nextLong(SimTime.MINUTE)),
            SimDuration.ofNanos(1 + random.nextLong(SimTime.MINUTE)),
            window);
      }
      case 1 -> new WorkloadSpec.Batch(jobs(), window);
      case 2 -> new WorkloadSpec.CpuHog(1 + random.nextInt(plan.vcpus()), window);
      case 3 -> new WorkloadSpec.MemoryBomb(1 + awkward(1e9), window);
      case 4 -> new WorkloadSpec.ForkBomb(1 + awkward(1e4), random.nextLong(1L << 30), window);
      case 5 ->
          new WorkloadSpec.DiskHog(
              1 + random.nextInt(64),
              pick(WorkloadSpec.DiskPattern.values()),
              512 + random.nextLong(1L << 24),
              window);
      case 6 -> netFlood(window);
      default -> new WorkloadSpec.Idle(window);
    };
  }

  /** Datagrams either way, or a TCP flood with or without a named congestion control. */
  private WorkloadSpec.NetFlood netFlood(WorkloadSpec.Window window) {
    double rate = 1 + awkward(1e9);
    long packet = 64 + random.nextLong(65536 - 64 + 1);
    if (random.nextBoolean()) {
      return new WorkloadSpec.NetFlood(pick(WorkloadSpec.Direction.values()), rate, packet, window);
    }
    WorkloadSpec.CongestionControl algorithm =
        random.nextInt(4) == 0 ? null : pick(WorkloadSpec.CongestionControl.values());
    return new WorkloadSpec.NetFlood(
        WorkloadSpec.Direction.TRANSMIT,
        rate,
        packet,
        WorkloadSpec.Protocol.TCP,
        algorithm,
        window);
  }

  private ArrivalSpec arrivals() {
    return switch (random.nextInt(4)) {
      case 0 -> new ArrivalSpec.Poisson(1e-3 + awkward(1e4));
      case 1 ->
          new ArrivalSpec.OnOff(
              1 + awkward(1e3),
              awkward(10),
              SimDuration.ofNanos(1 + random.nextLong(SimTime.HOUR)),
              SimDuration.ofNanos(1 + random.nextLong(SimTime.HOUR)));
      case 2 -> {
        List<Double> profile = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(24); i++) {
          profile.add(awkward(5));
        }
        yield new ArrivalSpec.Periodic(
            1e-3 + awkward(1e3), profile, SimDuration.ofNanos(24 + random.nextLong(SimTime.DAY)));
      }
      default -> new ArrivalSpec.Closed(1 + random.nextInt(500), distribution());
    };
  }

  private WorkloadSpec.JobSource jobs() {
    if (random.nextBoolean()) {
      Distribution cpu =
          random.nextBoolean()
              ? new Distribution.Exponential(1e-3 + awkward(100))
              : new Distribution.Constant(1e-3 + awkward(100));
      return new WorkloadSpec.JobDistribution(1 + random.nextInt(1000), cpu, 1 + random.nextInt(8));
    }
    List<WorkloadSpec.BatchJob> jobs = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(5); i++) {
      jobs.add(
          new WorkloadSpec.BatchJob(
              // the first job at the start, so that not every job is late (refused, issue 18)
              SimDuration.ofNanos(i == 0 ? 0 : random.nextLong(SimTime.HOUR)),
              1e-6 + awkward(1000),
              1 + random.nextInt(8)));
    }
    return new WorkloadSpec.JobList(jobs);
  }

  private Distribution distribution() {
    return switch (random.nextInt(4)) {
      case 0 -> new Distribution.Constant(awkward(1));
      case 1 -> new Distribution.Exponential(1e-9 + awkward(1));
      case 2 -> {
        double min = awkward(1);
        yield new Distribution.Uniform(min, min + awkward(1));
      }
      default -> new Distribution.Lognormal(1e-9 + awkward(1), awkward(1));
    };
  }

  /** A value of the knob's kind within its bounds, exactly representable in its unit. */
  private double knobValue(Knob knob) {
    double min = knob.min();
    double max = Math.min(knob.max(), Math.max(min, 1e12));
    double value = min + random.nextDouble() * (max - min);
    return switch (knob.kind()) {
      case COUNT, BYTES, DURATION, CHOICE -> Math.max(min, Math.min(max, Math.floor(value)));
      case BOOLEAN -> random.nextBoolean() ? 1 : 0;
      default -> value;
    };
  }

  /** A double with many significant digits, sometimes a round one: [0, scale). */
  /** Any skew the format accepts, with awkward decimals. */
  private Skew skew() {
    return switch (random.nextInt(3)) {
      case 0 -> Skew.UNIFORM;
      case 1 -> new Skew.Zipf(Math.max(1e-3, awkward(Skew.Zipf.MAX_EXPONENT)));
      default -> {
        double fraction = Math.max(1e-3, awkward(1));
        yield new Skew.HotSet(
            fraction, Math.min(1, fraction + (1 - fraction) * random.nextDouble()));
      }
    };
  }

  private double awkward(double scale) {
    return switch (random.nextInt(3)) {
      case 0 -> Math.floor(random.nextDouble() * scale);
      case 1 -> random.nextDouble() * scale;
      default -> 0.1 * random.nextInt(10) * scale / 10;
    };
  }

  private String name() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 1 + random.nextInt(20); i++) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  private String text() {
    String alphabet = "abc XYZ 019 \"quotes\" \\ back: #hash é 漢 {}[],&*!|>'%@`\t\n";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < random.nextInt(60); i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString().strip();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
