package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.testing.FixedScenarioSource;
import dev.oversold.testing.TestScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, with scenarios built in code instead of the loader. */
final class OversoldCommandTest {
  @TempDir Path dir;

  private static final Scenario NOISY =
      TestScenarios.noisy(
          dev.oversold.core.model.PlatformKind.OPENVZ,
          dev.oversold.core.model.ReportSettings.DEFAULT,
          8);
  private static final ScenarioSource SOURCE = FixedScenarioSource.of("noisy", NOISY);

  private CliHarness.Outcome run(String... args) {
    return CliHarness.run(SOURCE, SimulationEngine.SIMULATOR, args);
  }

  @Test
  void run_writesEveryReportAndPrintsTheTable_exit0() throws IOException {
    Path out = dir.resolve("out");
    var outcome = run("run", "noisy", "--out", out.toString(), "--threads", "2");
    assertEquals(0, outcome.code(), outcome.err());
    for (String file : List.of("report.txt", "report.json", "report.csv", "report.html")) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    assertEquals(Files.readString(out.resolve("report.txt")), outcome.out());
    assertTrue(outcome.out().contains("web-1"));
    assertEquals("", outcome.err(), "quiet when not on a terminal");
    assertEquals(List.of(), leftovers(out));
  }

  @Test
  void run_sameFilesWithOneAndFourThreads() throws IOException {
    Path one = dir.resolve("one");
    Path four = dir.resolve("four");
    assertEquals(0, run("run", "noisy", "--out", one.toString(), "--threads", "1").code());
    assertEquals(0, run("run", "noisy", "--out", four.toString(), "--threads", "4").code());
    for (String file : List.of("report.txt", "report.json", "report.csv", "report.html")) {
      assertEquals(-1L, Files.mismatch(one.resolve(file), four.resolve(file)), file);
    }
  }

  @Test
  void run_formatJson_printsTheReportJson() throws IOException {
    Path out = dir.resolve("json");
    var outcome = run("run", "noisy", "--out", out.toString(), "--format", "json");
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals(Files.readString(out.resolve("report.json")), outcome.out());
  }

  @Test
  void run_unknownScenario_printsEveryProblemAndExits2() {
    var outcome = run("run", "nope.yaml", "--out", dir.toString());
    assertEquals(2, outcome.code());
    // FixedScenarioSource reports two problems, as the loader would
    assertEquals(
        "nope.yaml:3:5: hosts[0].cpu.cores: must be >= 1 (expected a count)\n"
            + "nope.yaml:7:1: tenantz: unknown key (did you mean 'tenants'?)"
            + " (expected one of: scenario, hosts, tenants)\n",
        outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void run_badOptions_exit2WithoutStackTrace() {
    for (String[] args :
        List.of(
            new String[] {"run", "noisy", "--threads", "0"},
            new String[] {"run", "noisy", "--replications", "0"},
            new String[] {"run", "noisy", "--format", "pdf"},
            new String[] {"run", "noisy", "--no-such-option"},
            new String[] {"compare", "noisy", "--platforms", "openvz,hyperv"},
            new String[] {"sweep", "noisy", "--set", "seed"})) {
      var outcome = run(args);
      assertEquals(2, outcome.code(), String.join(" ", args) + ": " + outcome.err());
      assertFalse(outcome.err().contains("\tat "), outcome.err());
    }
  }

  @Test
  void run_internalError_exit1WithShortMessage_stackTraceOnlyWithDebug() {
    SimulationEngine broken =
        scenario -> {
          throw new IllegalStateException("capacity exceeded on node1/cpu");
        };
    var outcome =
        CliHarness.run(SOURCE, broken, "run", "noisy", "--out", dir.toString(), "--threads", "1");
    assertEquals(1, outcome.code());
    assertTrue(outcome.err().startsWith("oversold: internal error: "), outcome.err());
    assertTrue(outcome.err().contains("capacity exceeded on node1/cpu"), outcome.err());
    assertFalse(outcome.err().contains("\tat "), outcome.err());
    var debug =
        CliHarness.run(
            SOURCE, broken, "run", "noisy", "--out", dir.toString(), "--threads", "1", "--debug");
    assertEquals(1, debug.code());
    assertTrue(debug.err().contains("\tat "), "stack trace with --debug");
    assertEquals(List.of(), leftovers(dir), "a failed run writes nothing");
  }

  @Test
  void run_interrupted_exitsNonZeroAndLeavesNoFile() throws Exception {
    Path out = dir.resolve("interrupted");
    var started = new java.util.concurrent.CountDownLatch(1);
    SimulationEngine slow =
        scenario -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("cancelled");
        };
    var result = new java.util.concurrent.atomic.AtomicReference<CliHarness.Outcome>();
    Thread command =
        new Thread(
            () ->
                result.set(CliHarness.run(SOURCE, slow, "run", "noisy", "--out", out.toString())));
    command.start();
    started.await();
    command.interrupt();
    command.join(10_000);
    assertFalse(command.isAlive());
    assertEquals(130, result.get().code(), result.get().err());
    assertTrue(result.get().err().contains("interrupted"), result.get().err());
    if (Files.exists(out)) {
      try (var files = Files.list(out)) {
        assertFalse(files.findAny().isPresent(), "no output at all");
      }
    }
  }

  @Test
  void validate_exit0WhenAllValid_exit2AndEveryProblemOtherwise() {
    var valid = run("validate", "noisy");
    assertEquals(0, valid.code());
    assertEquals("noisy: valid (3 tenants on 1 hosts)\n", valid.out());
    var invalid = run("validate", "noisy", "broken.yaml");
    assertEquals(2, invalid.code());
    assertTrue(invalid.err().startsWith("broken.yaml:3:5: hosts[0].cpu.cores:"), invalid.err());
    assertEquals(2, invalid.err().lines().count());
  }

  @Test
  void listAndSchema_printWhatTheSourceHas() {
    var list = run("list");
    assertEquals(0, list.code());
    assertEquals("noisy  built in code\n", list.out());
    var help = run("run", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("Usage: oversold run"), help.out());
    assertEquals("", help.err(), "no picocli format warnings");
    var schema = run("schema");
    assertEquals(0, schema.code());
    assertEquals("{\"type\": \"object\"}\n", schema.out());
  }

  /** The noisy fixture on a 3 GiB host: its 1 GiB plans no longer fit beside Xen's dom0. */
  private static CliHarness.Outcome runTight(String... args) {
    var h = NOISY.hosts().get(0);
    Scenario tight =
        NOISY.withHosts(
            List.of(
                new dev.oversold.core.model.HostSpec(
                    h.name(),
                    h.platform(),
                    h.cpu(),
                    new dev.oversold.core.model.HostSpec.Memory(3L << 30, 2L << 30),
                    h.disk(),
                    h.network(),
                    h.options())));
    return CliHarness.run(FixedScenarioSource.of("tight", tight), SimulationEngine.SIMULATOR, args);
  }

  @Test
  void compare_skipsAPlatformThatCannotPlaceTheMemory_andComparesTheRest() {
    // Three 1 GiB tenants on 3 GiB: OpenVZ holds them, Xen (which does not overcommit memory)
    // has 3 - 1 (dom0) = 2 GiB for 3 GiB of guests and is skipped with the reason.
    assertEquals(3, NOISY.tenants().size());
    Path out = dir.resolve("compare-skip");
    var outcome =
        runTight("compare", "tight", "--platforms", "openvz,xen", "--out", out.toString());
    assertEquals(0, outcome.code(), outcome.err());
    assertTrue(outcome.err().contains("xen skipped"), outcome.err());
    assertTrue(outcome.err().contains("does not overcommit memory"), outcome.err());
    assertTrue(outcome.out().lines().anyMatch(line -> line.startsWith("openvz")));
    assertFalse(outcome.out().lines().anyMatch(line -> line.startsWith("xen")));
    assertFalse(Files.exists(out.resolve("xen")));
  }

  @Test
  void compare_whenNoPlatformCanHostTheScenario_exits2() {
    var outcome = runTight("compare", "tight", "--platforms", "xen", "--out", dir.toString());
    assertEquals(2, outcome.code());
    assertTrue(outcome.err().contains("no platform in --platforms can host"), outcome.err());
  }

  @Test
  void compare_printsOneRowPerPlatformAndWritesEachReport() throws IOException {
    Path out = dir.resolve("compare");
    var outcome = run("compare", "noisy", "--platforms", "openvz,kvm", "--out", out.toString());
    assertEquals(0, outcome.code(), outcome.err());
    List<String> lines = outcome.out().lines().toList();
    assertEquals(4, lines.size(), outcome.out()); // header, rule, two platforms
    assertTrue(lines.get(2).startsWith("openvz"));
    assertTrue(lines.get(3).startsWith("kvm"));
    assertTrue(Files.exists(out.resolve("kvm/report.json")));
    assertTrue(Files.exists(out.resolve("compare.csv")));
    // the kvm report really ran on kvm
    assertTrue(Files.readString(out.resolve("kvm/report.json")).contains("\"platform\": \"kvm\""));
  }

  @Test
  void sweep_runsTheGridThroughTheSourceWithOverrides() throws IOException {
    // the override "cores" changes the host's cores, as the loader would for hosts[0].cpu.cores
    BiFunction<String, List<ScenarioLoader.Override>, Scenario> withCores =
        (name, overrides) -> {
          int cores = Integer.parseInt(overrides.get(0).value());
          var host = TestScenarios.host(dev.oversold.core.model.PlatformKind.OPENVZ, cores);
          return NOISY.withHosts(List.of(host));
        };
    var source = new FixedScenarioSource(Map.of("noisy", withCores));
    Path out = dir.resolve("sweep");
    var outcome =
        CliHarness.run(
            source,
            SimulationEngine.SIMULATOR,
            "sweep",
            "noisy",
            "--set",
            "hosts[0].cpu.cores=1,4",
            "--out",
            out.toString(),
            "--format",
            "csv");
    assertEquals(0, outcome.code(), outcome.err());
    List<String> rows = outcome.out().lines().toList();
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).startsWith("hosts[0].cpu.cores,tenants_per_host,vcpus_per_core"));
    // 3 vCPUs sold: 3 per core on 1 core, 0.75 per core on 4
    assertTrue(rows.get(1).startsWith("1,3,3,"), rows.get(1));
    assertTrue(rows.get(2).startsWith("4,3,0.75,"), rows.get(2));
    assertEquals(Files.readString(out.resolve("sweep.csv")), outcome.out());
  }

  private static List<Path> leftovers(Path folder) {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
