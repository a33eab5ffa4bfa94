package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.runner.SimulationEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18's command-line reproducers with their exit codes and messages. */
final class HostileCommandLineTest {
  @TempDir Path dir;

  private final AtomicInteger simulated = new AtomicInteger();

  private CliHarness.Outcome run(SimulationEngine engine, String... args) {
    return CliHarness.run(new LoaderScenarioSource(), engine, args);
  }

  private CliHarness.Outcome run(String... args) {
    SimulationEngine counting =
        scenario -> {
          simulated.incrementAndGet();
          return SimulationEngine.SIMULATOR.run(scenario);
        };
    return run(counting, args);
  }

  private Path manyTenants() throws IOException {
    // 10,000 idle tenants, isolated baselines, pairwise: 20,001 simulations.
    return Files.writeString(
        dir.resolve("many.yaml"),
        """
        scenario: many
        duration: 10s
        hosts:
          - { name: h, platform: kvm, cpu: { cores: 8 }, memory: { ram: 8TiB } }
        plans:
          p: { memory: { ram: 256MiB } }
        tenants:
          - { name: 'web-{1..10000}', plan: p, workload: { kind: idle } }
        """);
  }

  @Test
  void helpCommand_printsTheCommandsUsage_exit0() {
    var help = run("help", "run");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: oversold run "), help.out());
    var list = run("help", "list");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().startsWith("Usage: oversold list"), list.out());
  }

  @Test
  void validate_tooExpensive_exit2WithTheEstimateAndRemedies() throws IOException {
    Path file = manyTenants();
    var outcome = run("validate", file.toString());
    assertEquals(2, outcome.code(), outcome.err());
    assertTrue(
        outcome.err().startsWith(file + ":1:1: too expensive to simulate: 20001 simulations, "),
        outcome.err());
    assertTrue(outcome.err().contains("interference: groups"), outcome.err());
    assertTrue(outcome.err().contains("--force"), outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void run_tooExpensive_exit2BeforeSimulating_forceRunsIt() throws IOException {
    Path file = manyTenants();
    var refused = run("run", file.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("too expensive to simulate"), refused.err());
    assertEquals(0, simulated.get());
    // --force on a cheaper file to plan: one tenant for 106,751 days (over the events budget).
    Path endless =
        Files.writeString(
            dir.resolve("endless.yaml"),
            """
            scenario: endless
            duration: 106751d
            hosts: [ { name: h, platform: kvm, cpu: { cores: 2 }, memory: { ram: 8GiB } } ]
            plans: { p: { memory: { ram: 256MiB } } }
            tenants: [ { name: t, plan: p, workload: { kind: idle } } ]
            """);
    var endlessRefused = run("run", endless.toString(), "--out", dir.resolve("e").toString());
    assertEquals(2, endlessRefused.code(), endlessRefused.err());
    assertTrue(endlessRefused.err().contains("events over 1.0e+09"), endlessRefused.err());
    assertEquals(0, simulated.get());
    SimulationEngine stopAtOnce =
        scenario -> {
          simulated.incrementAndGet();
          throw new IllegalStateException("stopped by the test");
        };
    var forced =
        run(stopAtOnce, "run", endless.toString(), "--force", "--out", dir.resolve("o").toString());
    assertEquals(1, forced.code(), forced.err());
    assertTrue(simulated.get() >= 1, "--force simulates");
  }

  @Test
  void outOfMemory_oneSentenceExit1_noStackTrace() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("s.yaml"),
            """
            scenario: s
            duration: 10s
            hosts: [ { name: h, platform: kvm, cpu: { cores: 2 }, memory: { ram: 8GiB } } ]
            plans: { p: { memory: { ram: 256MiB } } }
            tenants: [ { name: t, plan: p, workload: { kind: idle } } ]
            """);
    SimulationEngine exhausted =
        scenario -> {
          throw new OutOfMemoryError("Java heap space");
        };
    var outcome = run(exhausted, "run", file.toString(), "--out", dir.resolve("o").toString());
    assertEquals(1, outcome.code());
    assertTrue(outcome.err().startsWith("oversold: out of memory: "), outcome.err());
    assertFalse(outcome.err().contains("\tat "), outcome.err());
    assertFalse(outcome.err().contains("OutOfMemoryError"), outcome.err());
    assertFalse(Files.exists(dir.resolve("o").resolve("report.txt")), "no report written");
  }

  @Test
  void devicesAndFolders_areNamedAsSuch_notAsMissing() {
    var device = run("validate", "/dev/zero");
    assertEquals(2, device.code());
    assertEquals(
        "/dev/zero:0:0: is a device or pipe, not a scenario file (expected a scenario file (.yaml,"
            + " .yml, .json) or a name shown by `oversold list`)\n",
        device.err());
    var folder = run("validate", dir.toString());
    assertEquals(2, folder.code());
    assertTrue(folder.err().contains(": is a folder, not a scenario file"), folder.err());
  }

  @Test
  void escapeInAName_reachesTheTerminalEscaped() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("e.yaml"),
            """
            scenario: "r\\e[31mred"
            duration: 10s
            hosts: [ { name: h, platform: kvm, cpu: { cores: 2 }, memory: { ram: 8GiB } } ]
            plans: { p: { memory: { ram: 256MiB } } }
            tenants: [ { name: t, plan: p, workload: { kind: idle } } ]
            """);
    var outcome = run("validate", file.toString());
    assertEquals(2, outcome.code());
    assertTrue(outcome.err().contains("'r\\x1b[31mred'"), outcome.err());
    assertFalse(outcome.err().contains("\u001b"), "a raw escape reached the terminal");
  }
}
