package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.scenarios.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's {@code platform-options} reach the simulation in {@code run} and in every row of {@code
 * compare}, and the reports say which options each platform ran with. Hand-built: the expected
 * options are the ones the file writes, the rest the platforms' documented defaults.
 */
final class PlatformOptionsCommandTest {
  private static final String FILE =
      """
      scenario: per-platform
      duration: 2s
      hosts:
        - name: node1
          platform: openvz
          cpu: { cores: 2 }
          memory: { ram: 8GiB }
          disk: { profile: hdd }
          options: { dirty-throttling: 2.6.18 }
          platform-options:
            xen: { blkif-ring: xen-3.0, dom0-vcpus: 1 }
            kvm: { io-scheduler: bfq }
      plans:
        small: { vcpus: 1, memory: { ram: 1GiB } }
      tenants:
        - name: web
          host: node1
          plan: small
          workload:
            kind: service
            arrivals: { process: poisson, rate: 20/s }
            request: { cpu: 4ms, disk-reads: 0.2 }
      """;

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path file = dir.resolve("per-platform.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static CliHarness.Outcome oversold(String... args) {
    return CliHarness.run(new LoaderScenarioSource(), SimulationEngine.SIMULATOR, args);
  }

  private static JsonNode hostOptions(Path report) throws IOException {
    return new ObjectMapper().readTree(Files.readString(report)).get("hosts").get(0).get("options");
  }

  @Test
  void compare_runsEachPlatformWithItsBlock_andSaysSo() throws IOException {
    Path out = dir.resolve("compare");
    var outcome =
        oversold(
            "compare",
            file(FILE).toString(),
            "--platforms",
            "openvz,xen,kvm,vmware",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, outcome.code(), outcome.err());
    JsonNode openvz = hostOptions(out.resolve("openvz/report.json"));
    assertEquals("2.6.18", openvz.get("dirty-throttling").asText());
    assertEquals("cfq", openvz.get("io-scheduler").asText());
    JsonNode xen = hostOptions(out.resolve("xen/report.json"));
    assertEquals("xen-3.0", xen.get("blkif-ring").asText());
    assertEquals("1", xen.get("dom0-vcpus").asText());
    assertEquals("1GiB", xen.get("dom0-memory").asText()); // Xen's default, not named
    assertEquals("mq-deadline", xen.get("io-scheduler").asText());
    JsonNode kvm = hostOptions(out.resolve("kvm/report.json"));
    assertEquals("bfq", kvm.get("io-scheduler").asText());
    assertFalse(kvm.has("dirty-throttling"), kvm.toString()); // not a KVM option
    JsonNode vmware = hostOptions(out.resolve("vmware/report.json"));
    assertEquals("esxi-sfq", vmware.get("io-scheduler").asText());
    assertEquals("30ms", vmware.get("sioc-threshold").asText());
    // the table's note and compare.json name the options that are not a platform's defaults
    List<String> lines = outcome.out().lines().toList();
    assertEquals(
        "Host options not at the platform's default: openvz: dirty-throttling 2.6.18 | xen:"
            + " dom0-vcpus 1, blkif-ring xen-3.0 | kvm: io-scheduler bfq | vmware: defaults",
        lines.get(lines.size() - 1));
    JsonNode rows = new ObjectMapper().readTree(Files.readString(out.resolve("compare.json")));
    assertEquals("xen", rows.get(1).get("platform").asText());
    assertEquals(
        "{\"dom0-vcpus\":\"1\",\"blkif-ring\":\"xen-3.0\"}",
        rows.get(1).get("host_options").get("node1").toString());
    assertEquals("{}", rows.get(3).get("host_options").get("node1").toString());
  }

  /**
   * {@code plan} switches the host as {@code compare} does (PlanCommand delegates to
   * Platforms.onPlatform): every simulation of a platform's search runs the file's block for it,
   * the file's options on its own platform, and the defaults where no block is given. Plan's
   * reports carry no host options, so an engine that records the host of every scenario it is given
   * reads them back. Expected values: the file's own (2.6.18 is kept as 0, xen-3.0 as 1) and the
   * platforms' documented defaults (Xen's dom0 1 GiB).
   */
  @Test
  void plan_runsEachPlatformWithItsBlock() throws Exception {
    Map<PlatformKind, Set<HostSpec>> ran = new ConcurrentHashMap<>();
    SimulationEngine recording =
        scenario -> {
          HostSpec host = scenario.hosts().get(0);
          ran.computeIfAbsent(host.platform(), k -> ConcurrentHashMap.newKeySet()).add(host);
          return SimulationEngine.SIMULATOR.run(scenario);
        };
    var outcome =
        CliHarness.run(
            new LoaderScenarioSource(),
            recording,
            "plan",
            file(FILE).toString(),
            "--platforms",
            "openvz,xen,kvm,vmware",
            "--max-tenants",
            "1",
            "--replications-max",
            "2",
            "--out",
            dir.resolve("plan").toString(),
            "--quiet");
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals(
        Set.of(PlatformKind.OPENVZ, PlatformKind.XEN, PlatformKind.KVM, PlatformKind.VMWARE),
        ran.keySet());
    // one host per platform across the whole search: every simulation ran the same options
    ran.forEach((kind, hosts) -> assertEquals(1, hosts.size(), kind + ": " + hosts));
    HostSpec openvz = ran.get(PlatformKind.OPENVZ).iterator().next();
    assertEquals(0.0, openvz.options().values().get("dirty-throttling"));
    HostSpec xen = ran.get(PlatformKind.XEN).iterator().next();
    assertEquals(1.0, xen.options().values().get("blkif-ring"));
    assertEquals(1.0, xen.options().values().get("dom0-vcpus"));
    assertEquals(1024.0 * 1024 * 1024, xen.options().values().get("dom0-memory"));
    HostSpec kvm = ran.get(PlatformKind.KVM).iterator().next();
    assertEquals(IoSchedulerKind.BFQ, kvm.disk().scheduler());
    assertEquals(Platforms.defaultOptions(PlatformKind.KVM), kvm.options());
    HostSpec vmware = ran.get(PlatformKind.VMWARE).iterator().next();
    assertEquals(Platforms.defaultOptions(PlatformKind.VMWARE), vmware.options());
    assertNull(vmware.disk().scheduler());
    // and each is exactly the host compare runs on that platform
    HostSpec file = ScenarioLoader.load(file(FILE)).hosts().get(0);
    ran.forEach(
        (kind, hosts) ->
            assertEquals(Platforms.onPlatform(file, kind), hosts.iterator().next(), kind.id()));
  }

  @Test
  void run_ofTheFileOnXen_runsXensBlock() throws IOException {
    // --set hosts[0].platform=xen switches the host as compare does: OpenVZ's options stay
    // OpenVZ's, Xen runs its block and Xen's defaults for what the block leaves out
    Path out = dir.resolve("run");
    var outcome =
        oversold(
            "run",
            file(FILE).toString(),
            "--set",
            "hosts[0].platform=xen",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, outcome.code(), outcome.err());
    JsonNode xen = hostOptions(out.resolve("report.json"));
    assertEquals("xen-3.0", xen.get("blkif-ring").asText());
    assertEquals("1", xen.get("dom0-vcpus").asText());
    assertEquals("1GiB", xen.get("dom0-memory").asText()); // Xen's default, not named
    assertFalse(xen.has("dirty-throttling"), xen.toString()); // OpenVZ's, not a Xen option
    // a platform with no block runs its defaults (VMware's documented esxi-sfq, 30ms)
    Path vmwareOut = dir.resolve("run-vmware");
    var vmware =
        oversold(
            "run",
            file(FILE).toString(),
            "--set",
            "hosts[0].platform=vmware",
            "--out",
            vmwareOut.toString(),
            "--quiet");
    assertEquals(0, vmware.code(), vmware.err());
    JsonNode defaults = hostOptions(vmwareOut.resolve("report.json"));
    assertEquals("esxi-sfq", defaults.get("io-scheduler").asText());
    assertEquals("30ms", defaults.get("sioc-threshold").asText());
  }

  @Test
  void run_ofTheBundledFileOnXen_runsWhatCompareRuns() throws Exception {
    // matthews-disk-hog's Xen block, written in the bundled file: blkif-ring xen-3.0, vbd file,
    // guest-dirty-throttling 2.6.18
    Path run = dir.resolve("bundled-run");
    var outcome =
        oversold(
            "run",
            "matthews-disk-hog",
            "--set",
            "duration=12s",
            "--set",
            "hosts[0].platform=xen",
            "--out",
            run.toString(),
            "--quiet");
    assertEquals(0, outcome.code(), outcome.err());
    JsonNode xen = hostOptions(run.resolve("report.json"));
    assertEquals("xen-3.0", xen.get("blkif-ring").asText());
    assertEquals("file", xen.get("vbd").asText());
    assertEquals("2.6.18", xen.get("guest-dirty-throttling").asText());
    // and the host it ran is the one compare and plan run (Platforms.onPlatform of the file's)
    var source = new LoaderScenarioSource();
    HostSpec file = source.resolve("matthews-disk-hog", List.of()).hosts().get(0);
    HostSpec set =
        source
            .resolve(
                "matthews-disk-hog",
                List.of(ScenarioLoader.Override.parse("hosts[0].platform=xen")))
            .hosts()
            .get(0);
    assertEquals(Platforms.onPlatform(file, PlatformKind.XEN), set);
  }

  @Test
  void sweep_overPlatforms_runsEveryPointWithItsOptions() throws IOException {
    Path out = dir.resolve("sweep");
    var outcome =
        oversold(
            "sweep",
            "matthews-disk-hog",
            "--set",
            "duration=12s",
            "--set",
            "hosts[0].platform=openvz,xen",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--format",
            "csv");
    assertEquals(0, outcome.code(), outcome.err());
    Map<String, JsonNode> byPlatform = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out.resolve("points"))) {
      for (Path report : files.filter(f -> f.endsWith("report.json")).toList()) {
        JsonNode host = new ObjectMapper().readTree(Files.readString(report)).get("hosts").get(0);
        byPlatform.put(host.get("platform").asText(), host.get("options"));
      }
    }
    assertEquals(List.of("openvz", "xen"), List.copyOf(byPlatform.keySet()));
    // OpenVZ runs the file's options, Xen its block
    assertEquals("2.6.18", byPlatform.get("openvz").get("dirty-throttling").asText());
    assertEquals("file", byPlatform.get("xen").get("vbd").asText());
  }

  @Test
  void run_onXen_ofAFileGivingItsOwnOptionsTwice_exits2AtTheFilesBlock() throws IOException {
    // the file's own error (options and platform-options.openvz on an OpenVZ host) is reported
    // as it is without --set, at the block, and nothing is said about Xen's options
    String twice = FILE.replace("xen: {", "openvz: {}\n      xen: {");
    var outcome =
        oversold("run", file(twice).toString(), "--set", "hosts[0].platform=xen", "--quiet");
    assertEquals(2, outcome.code(), outcome.err());
    List<String> problems =
        outcome.err().lines().filter(l -> l.contains("per-platform.yaml:")).toList();
    assertEquals(1, problems.size(), outcome.err());
    assertTrue(
        problems
            .get(0)
            .contains(
                "per-platform.yaml:11:7: hosts[0].platform-options.openvz: the options of openvz,"
                    + " the host's own platform, are given twice"),
        outcome.err());
  }

  @Test
  void setOfAKnobInABlock_isReadOnceTheHostRunsThatPlatform_elseWarned() throws IOException {
    String warning =
        "oversold: warning: --set hosts[0].platform-options.xen.dom0-vcpus: node1 runs openvz,"
            + " so its platform-options.xen is not read";
    // node1 stays on OpenVZ: the setting changes nothing, and run says so
    Path stays = dir.resolve("stays");
    var ignored =
        oversold(
            "run",
            file(FILE).toString(),
            "--set",
            "hosts[0].platform-options.xen.dom0-vcpus=2",
            "--out",
            stays.toString(),
            "--quiet");
    assertEquals(0, ignored.code(), ignored.err());
    assertTrue(ignored.err().contains(warning), ignored.err());
    assertFalse(hostOptions(stays.resolve("report.json")).has("dom0-vcpus"));
    // on Xen it is read, whichever --set comes first (the file's block says 1)
    List<List<String>> orders =
        List.of(
            List.of("hosts[0].platform-options.xen.dom0-vcpus=2", "hosts[0].platform=xen"),
            List.of("hosts[0].platform=xen", "hosts[0].platform-options.xen.dom0-vcpus=2"));
    for (int i = 0; i < orders.size(); i++) {
      Path out = dir.resolve("order" + i);
      var outcome =
          oversold(
              "run",
              file(FILE).toString(),
              "--set",
              orders.get(i).get(0),
              "--set",
              orders.get(i).get(1),
              "--out",
              out.toString(),
              "--quiet");
      assertEquals(0, outcome.code(), outcome.err());
      assertFalse(outcome.err().contains("warning"), outcome.err());
      assertEquals("2", hostOptions(out.resolve("report.json")).get("dom0-vcpus").asText());
    }
    // a sweep over it on OpenVZ repeats one run: warned; with Xen among its points it is not
    var sweep =
        oversold(
            "sweep",
            file(FILE).toString(),
            "--set",
            "hosts[0].platform-options.xen.dom0-vcpus=1,2",
            "--out",
            dir.resolve("sweep-stays").toString(),
            "--format",
            "csv");
    assertEquals(0, sweep.code(), sweep.err());
    assertTrue(sweep.err().contains(warning), sweep.err());
    var both =
        oversold(
            "sweep",
            file(FILE).toString(),
            "--set",
            "hosts[0].platform-options.xen.dom0-vcpus=1,2",
            "--set",
            "hosts[0].platform=openvz,xen",
            "--out",
            dir.resolve("sweep-both").toString(),
            "--format",
            "csv");
    assertEquals(0, both.code(), both.err());
    assertFalse(both.err().contains("warning"), both.err());
  }

  @Test
  void sweep_overThePlatform_saysWhichOptionsEachPointRan_asCompareDoes() throws IOException {
    Path out = dir.resolve("sweep-options");
    var outcome =
        oversold(
            "sweep",
            file(FILE).toString(),
            "--set",
            "hosts[0].platform=openvz,xen",
            "--out",
            out.toString());
    assertEquals(0, outcome.code(), outcome.err());
    // the options the file writes for each platform, as compare's note names them
    List<String> lines = outcome.out().lines().toList();
    assertEquals(
        "Host options not at the platform's default: openvz: dirty-throttling 2.6.18 | xen:"
            + " dom0-vcpus 1, blkif-ring xen-3.0",
        lines.get(lines.size() - 1));
    JsonNode rows = new ObjectMapper().readTree(Files.readString(out.resolve("sweep.json")));
    assertEquals(
        "{\"dirty-throttling\":\"2.6.18\"}",
        rows.get(0).get("host_options").get("node1").toString());
    assertEquals(
        "{\"dom0-vcpus\":\"1\",\"blkif-ring\":\"xen-3.0\"}",
        rows.get(1).get("host_options").get("node1").toString());
    // a sweep that keeps every host on its platform and its options has neither
    Path seeds = dir.resolve("sweep-seeds");
    var same =
        oversold("sweep", file(FILE).toString(), "--set", "seed=1,2", "--out", seeds.toString());
    assertEquals(0, same.code(), same.err());
    assertFalse(same.out().contains("Host options"), same.out());
    JsonNode seedRows = new ObjectMapper().readTree(Files.readString(seeds.resolve("sweep.json")));
    assertFalse(seedRows.get(0).has("host_options"), seedRows.toString());
  }

  @Test
  void run_ofABadBlock_exits2AtTheKey() throws IOException {
    var outcome = oversold("run", file(FILE.replace("xen: {", "xenn: {")).toString(), "--quiet");
    assertEquals(2, outcome.code(), outcome.err());
    assertTrue(
        outcome
            .err()
            .contains(
                "per-platform.yaml:11:7: hosts[0].platform-options.xenn: unknown platform 'xenn'"
                    + " in platform-options (did you mean 'xen'?)"),
        outcome.err());
  }
}
