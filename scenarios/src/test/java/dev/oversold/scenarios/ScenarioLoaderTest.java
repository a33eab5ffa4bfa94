package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioLoaderTest {
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;

  /** The smallest valid file: what the contract requires, everything else defaulted. */
  static final String MINIMAL =
      """
      scenario: minimal
      duration: 10m
      hosts:
        - name: node1
          platform: kvm
          cpu: { cores: 8 }
          memory: { ram: 32GiB }
      plans:
        small:
          memory: { ram: 1GiB }
      tenants:
        - name: web
          host: node1
          plan: small
          workload:
            kind: service
            arrivals: { process: poisson, rate: 20/s }
            request: { cpu: 4ms }
      """;

  @TempDir Path folder;

  static Scenario parse(String text, Override... overrides) throws ScenarioException {
    return ScenarioLoader.parse(text, "s.yaml", null, List.of(overrides));
  }

  static List<String> problems(String text, Override... overrides) {
    ScenarioException error =
        assertThrows(ScenarioException.class, () -> parse(text, overrides), "expected problems");
    return error.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void contractExample_loadsEveryKey() throws IOException, ScenarioException {
    Path file = folder.resolve("contract.yaml");
    Files.writeString(file, Files.readString(Path.of("src/test/resources/contract-example.yaml")));
    Files.writeString(folder.resolve("jobs.csv"), "submit,cpu\n0s,12.5s\n10s,1m\n");
    Scenario scenario = ScenarioLoader.load(file);

    assertEquals("openvz-noisy-neighbour", scenario.name());
    assertEquals(42, scenario.seed());
    assertEquals(10 * SimTime.MINUTE, scenario.duration().nanos());
    assertEquals(SimTime.MINUTE, scenario.warmup().nanos());
    assertEquals(SimTime.SECOND, scenario.sampleInterval().nanos());
    HostSpec host = scenario.hosts().get(0);
    assertEquals(new HostSpec.Cpu(8, 1.0), host.cpu());
    assertEquals(new HostSpec.Memory(32 * GIB, 8 * GIB), host.memory());
    assertEquals(20_000.0, host.disk().iops());
    assertEquals(500e6, host.disk().bandwidthBytesPerSecond()); // 500 MB/s, decimal
    assertEquals(100_000L, host.disk().latency().nanos());
    assertEquals(125e6, host.network().bandwidthBytesPerSecond()); // 1 Gbit/s = 125 MB/s
    // web-{1..39} + batch-1 + bully
    assertEquals(41, scenario.tenants().size());
    assertEquals("web-1", scenario.tenants().get(0).name());
    assertEquals("web-39", scenario.tenants().get(38).name());
    PlanSpec small = scenario.tenants().get(0).plan();
    assertEquals(new PlanSpec.Cpu(1.0, 1.0, 0.0), small.cpu()); // limit 100% = one core
    assertEquals(new PlanSpec.Memory(GIB, GIB), small.memory());
    assertEquals(new PlanSpec.Disk(20 * GIB, 500, 50e6, 1.0), small.disk());
    assertEquals(12.5e6, small.network().bandwidthLimitBytesPerSecond()); // 100 Mbit/s
    assertEquals(256, small.processLimit());
    WorkloadSpec.Service web = (WorkloadSpec.Service) scenario.tenants().get(0).workload();
    assertEquals(new ArrivalSpec.Poisson(20), web.arrivals());
    assertEquals(
        new WorkloadSpec.RequestSpec(new Distribution.Exponential(0.004), 2, 0, 20 * 1024, MIB),
        web.request());
    assertEquals(600 * MIB, web.workingSetBytes());
    assertEquals(32, web.workers());
    assertEquals(5 * SimTime.SECOND, web.timeout().nanos());
    assertEquals(200 * SimTime.MILLISECOND, web.slo().nanos());
    WorkloadSpec.Batch batch = (WorkloadSpec.Batch) scenario.tenants().get(39).workload();
    assertEquals(
        List.of(
            new WorkloadSpec.BatchJob(dev.oversold.core.engine.SimDuration.ZERO, 12.5, 1),
            new WorkloadSpec.BatchJob(dev.oversold.core.engine.SimDuration.ofSeconds(10), 60.0, 1)),
        ((WorkloadSpec.JobList) batch.jobs()).jobs());
    WorkloadSpec.MemoryBomb bomb = (WorkloadSpec.MemoryBomb) scenario.tenants().get(40).workload();
    assertEquals(200.0 * MIB, bomb.bytesPerSecond());
    assertEquals(2 * SimTime.MINUTE, bomb.start().nanos());
    assertEquals(
        new ReportSettings(
            ReportSettings.Baseline.ISOLATED,
            ReportSettings.Interference.PAIRWISE,
            java.util.Map.of("web", "web-*")),
        scenario.report());
  }

  @Test
  void minimalFile_getsEveryDefault() throws ScenarioException {
    Scenario scenario = parse(MINIMAL);
    assertEquals(1, scenario.seed());
    assertEquals(0, scenario.warmup().nanos());
    assertEquals(3 * SimTime.SECOND, scenario.sampleInterval().nanos()); // 10 m / 200 = 3 s
    HostSpec host = scenario.hosts().get(0);
    assertEquals(1.0, host.cpu().speed());
    assertEquals(0, host.memory().swapBytes());
    assertEquals(20_000.0, host.disk().iops());
    assertEquals(125e6, host.network().bandwidthBytesPerSecond());
    PlanSpec plan = scenario.tenants().get(0).plan();
    assertEquals(1, plan.vcpus());
    assertEquals(new PlanSpec.Cpu(1.0, Double.POSITIVE_INFINITY, 0), plan.cpu());
    assertEquals(32_768, plan.processLimit());
    WorkloadSpec.Service service = (WorkloadSpec.Service) scenario.tenants().get(0).workload();
    assertEquals(new Distribution.Constant(0.004), service.request().cpuSeconds());
    assertEquals(32, service.workers());
    assertEquals(60 * SimTime.SECOND, service.timeout().nanos());
    assertEquals(SimTime.SECOND, service.slo().nanos());
    assertEquals(WorkloadSpec.Window.ALWAYS, service.window());
    assertEquals(ReportSettings.DEFAULT, scenario.report());
  }

  @Test
  void range_expandsWithZeroPadding() throws ScenarioException {
    Scenario scenario = parse(MINIMAL.replace("name: web", "name: web-{08..11}"));
    assertEquals(
        List.of("web-08", "web-09", "web-10", "web-11"),
        scenario.tenants().stream().map(TenantSpec::name).toList());
  }

  @Test
  void hostOptions_areParsedInCanonicalUnitsWithDefaultsFilledIn() throws ScenarioException {
    Scenario scenario =
        parse(
            MINIMAL
                .replace("platform: kvm", "platform: xen")
                .replace(
                    "memory: { ram: 32GiB }",
                    "memory: { ram: 32GiB }\n    options: { dom0-memory: 2GiB }"));
    // dom0-memory given (2 GiB in bytes); dom0-vcpus defaulted by the platform (2).
    assertEquals(2.0 * GIB, scenario.hosts().get(0).options().get("dom0-memory", -1));
    assertEquals(2.0, scenario.hosts().get(0).options().get("dom0-vcpus", -1));
  }

  @Test
  void nativeKnobs_areCheckedAgainstThePlatformOfTheHost() throws ScenarioException {
    String openvz =
        MINIMAL
            .replace("platform: kvm", "platform: openvz")
            .replace(
                "memory: { ram: 1GiB }",
                "memory: { ram: 1GiB }\n    native: { cpuunits: 2000, cpulimit: 50% }");
    PlanSpec plan = parse(openvz).tenants().get(0).plan();
    assertEquals(2000.0, plan.nativeKnobs().get("cpuunits", -1));
    assertEquals(0.5, plan.nativeKnobs().get("cpulimit", -1)); // 50% as a fraction

    List<String> problems = problems(openvz.replace("platform: openvz", "platform: kvm"));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "s.yaml:11:15: plans.small.native.cpuunits: unknown native knob"
                    + " of kvm 'cpuunits'"),
        problems.get(0));
  }

  @Test
  void beancounterKnobs_bindInCanonicalUnits_andABarrierAboveItsLimitIsRefused()
      throws ScenarioException {
    String openvz =
        MINIMAL
            .replace("platform: kvm", "platform: openvz")
            .replace(
                "memory: { ram: 1GiB }",
                "memory: { ram: 1GiB }\n    native: { kmemsize: 14MiB, kmemsize-limit: 15MiB,"
                    + " numtcpsock: 360 }");
    PlanSpec plan = parse(openvz).tenants().get(0).plan();
    assertEquals(14.0 * MIB, plan.nativeKnobs().get("kmemsize", -1));
    assertEquals(15.0 * MIB, plan.nativeKnobs().get("kmemsize-limit", -1));
    assertEquals(360.0, plan.nativeKnobs().get("numtcpsock", -1));

    List<String> inverted =
        problems(openvz.replace("kmemsize-limit: 15MiB", "kmemsize-limit: 13MiB"));
    assertEquals(1, inverted.size(), inverted.toString());
    assertTrue(
        inverted
            .get(0)
            .startsWith(
                "s.yaml:11:48: plans.small.native.kmemsize-limit: kmemsize-limit is below the"
                    + " barrier kmemsize"),
        inverted.get(0));

    List<String> negative = problems(openvz.replace("numtcpsock: 360", "numtcpsock: -1"));
    assertEquals(1, negative.size(), negative.toString());
    assertTrue(
        negative.get(0).startsWith("s.yaml:11:67: plans.small.native.numtcpsock: "),
        negative.get(0));
  }

  @Test
  void overrides_changeTheTreeBeforeBinding() throws ScenarioException {
    Scenario scenario =
        parse(
            MINIMAL,
            new Override("seed", "7"),
            new Override("hosts[0].cpu.cores", "16"),
            new Override("plans.small.memory.ram", "2GiB"),
            new Override("tenants[0].workload.arrivals.rate", "50/s"),
            new Override("warmup", "1m"),
            new Override("plans.small.native.cpu.weight", "200"));
    assertEquals(7, scenario.seed());
    assertEquals(16, scenario.hosts().get(0).cpu().cores());
    assertEquals(2 * GIB, scenario.tenants().get(0).plan().memory().ramBytes());
    assertEquals(
        new ArrivalSpec.Poisson(50),
        ((WorkloadSpec.Service) scenario.tenants().get(0).workload()).arrivals());
    assertEquals(SimTime.MINUTE, scenario.warmup().nanos());
    assertEquals(200.0, scenario.tenants().get(0).plan().nativeKnobs().get("cpu.weight", -1));
  }

  @Test
  void extendedArrivalsAndDistributions_load() throws ScenarioException {
    String text =
        MINIMAL.replace(
                "arrivals: { process: poisson, rate: 20/s }",
                "arrivals: { process: closed, clients: 20, think-time: 1s }")
            + """
              - name: bursty
                plan: { vcpus: 2, memory: { ram: 512MiB } }
                workload:
                  kind: service
                  arrivals: { process: on-off, rate-on: 100/s, mean-on: 10s, mean-off: 50s }
                  request: { cpu: { distribution: lognormal, mean: 5ms, stddev: 10ms } }
                  start: 1m
                  stop: 5m
              - name: daily
                plan: small
                workload:
                  kind: service
                  arrivals: { process: periodic, rate: 10/s, profile: [0.5, 1, 2] }
                  request: { cpu: { distribution: uniform, min: 1ms, max: 3ms } }
              - name: jobs
                plan: small
                workload: { kind: batch, jobs: { count: 5, cpu: { distribution: constant, value: 2s } } }
              - name: hog
                plan: small
                workload: { kind: cpu-hog }
            """;
    Scenario scenario = parse(text);
    assertEquals(
        new ArrivalSpec.Closed(20, new Distribution.Constant(1.0)),
        ((WorkloadSpec.Service) scenario.tenants().get(0).workload()).arrivals());
    TenantSpec bursty = scenario.tenants().get(1);
    assertEquals("bursty", bursty.plan().name()); // an inline plan takes the tenant's name
    assertEquals(2, bursty.plan().vcpus());
    WorkloadSpec.Service service = (WorkloadSpec.Service) bursty.workload();
    assertEquals(
        new ArrivalSpec.OnOff(
            100,
            0,
            dev.oversold.core.engine.SimDuration.ofSeconds(10),
            dev.oversold.core.engine.SimDuration.ofSeconds(50)),
        service.arrivals());
    assertEquals(new Distribution.Lognormal(0.005, 0.010), service.request().cpuSeconds());
    assertEquals(SimTime.MINUTE, service.start().nanos());
    assertEquals(5 * SimTime.MINUTE, service.stop().nanos());
    ArrivalSpec.Periodic periodic =
        assertInstanceOf(
            ArrivalSpec.Periodic.class,
            ((WorkloadSpec.Service) scenario.tenants().get(2).workload()).arrivals());
    assertEquals(List.of(0.5, 1.0, 2.0), periodic.profile());
    assertEquals(SimTime.DAY, periodic.period().nanos());
    assertEquals(
        new WorkloadSpec.JobDistribution(5, new Distribution.Constant(2.0), 1),
        ((WorkloadSpec.Batch) scenario.tenants().get(3).workload()).jobs());
    // cpu-hog threads default to the plan's vCPUs (1)
    assertEquals(1, ((WorkloadSpec.CpuHog) scenario.tenants().get(4).workload()).threads());
  }

  @Test
  void json_loadsLikeYaml() throws ScenarioException {
    String json =
        """
        {"scenario": "j", "duration": "1m",
         "hosts": [{"name": "h", "platform": "bare-metal", "cpu": {"cores": 2}, "memory": {"ram": "4GiB"}}],
         "tenants": [{"name": "t", "plan": {"memory": {"ram": "1GiB"}}, "workload": {"kind": "idle"}}]}
        """;
    Scenario scenario = ScenarioLoader.parse(json, "s.json", null, List.of());
    assertEquals("h", scenario.tenants().get(0).host()); // the only host is the default
    assertEquals("idle", Workloads.of(scenario.tenants().get(0).workload()).name());
    List<String> problems =
        assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(json.replace("\"1m\"", "60"), "s.json", null, List.of()))
            .problems()
            .stream()
            .map(Problem::toString)
            .toList();
    assertTrue(
        problems.get(0).startsWith("s.json:1:31: duration: '60' has no unit"), problems.toString());
  }

  @Test
  void anchorsAliasesMergeKeysAndExtensionKeys_work() throws ScenarioException {
    // An x- key holds the anchor (ignored itself); it must come before its aliases.
    String anchored =
        """
        x-service: &svc
          kind: service
          arrivals: { process: poisson, rate: 5/s }
          request: { cpu: 1ms }
        """
            + MINIMAL
            + """
              - name: copy
                plan: small
                workload: *svc
              - name: merged
                plan: small
                workload:
                  <<: *svc
                  workers: 4
            """;
    Scenario scenario = parse(anchored);
    WorkloadSpec.Service copy = (WorkloadSpec.Service) scenario.tenants().get(1).workload();
    WorkloadSpec.Service merged = (WorkloadSpec.Service) scenario.tenants().get(2).workload();
    assertEquals(new ArrivalSpec.Poisson(5), copy.arrivals());
    assertEquals(32, copy.workers());
    assertEquals(new ArrivalSpec.Poisson(5), merged.arrivals());
    assertEquals(4, merged.workers());
  }

  @Test
  void overrideThroughAnAlias_changesOnlyThePlaceItNames() throws ScenarioException {
    String text =
        """
        x-web: &web
          kind: service
          arrivals: { process: poisson, rate: 20/s }
          request: { cpu: 4ms }
        scenario: shared
        duration: 1m
        hosts: [{ name: h, platform: kvm, cpu: { cores: 2 }, memory: { ram: 4GiB } }]
        tenants:
          - { name: a, plan: { memory: { ram: 1GiB } }, workload: *web }
          - { name: b, plan: { memory: { ram: 1GiB } }, workload: *web }
        """;
    Scenario scenario = parse(text, new Override("tenants[1].workload.arrivals.rate", "50/s"));
    assertEquals(
        new ArrivalSpec.Poisson(20),
        ((WorkloadSpec.Service) scenario.tenants().get(0).workload()).arrivals());
    assertEquals(
        new ArrivalSpec.Poisson(50),
        ((WorkloadSpec.Service) scenario.tenants().get(1).workload()).arrivals());
  }

  @Test
  void range_atTheUpperBound_loads() throws ScenarioException {
    // 10,000 QEMU processes of 88 MiB need 859 GiB resident before any guest page (issue 15's
    // residency), so the host is 1 TiB: 0.5 + 16 GiB reserve + 859 GiB fits.
    Scenario scenario =
        parse(
            MINIMAL
                .replace("name: web", "name: web-{1..10000}")
                .replace("ram: 32GiB", "ram: 1TiB"));
    assertEquals(10_000, scenario.tenants().size());
    assertEquals("web-10000", scenario.tenants().get(9_999).name());
  }
}
