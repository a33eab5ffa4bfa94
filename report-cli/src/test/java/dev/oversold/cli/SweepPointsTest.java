package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.runner.SimulationEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oversold sweep} end to end through the real loader: each point's report under {@code
 * DIR/points/NAME/} as it finishes, one progress line per point on a redirected stderr, keys by
 * name, {@code --scale}, and what an interrupted sweep keeps.
 */
final class SweepPointsTest {
  private static final String MIX =
      """
      scenario: mix
      duration: 6s
      warmup: 1s
      hosts:
        - name: node-1
          platform: openvz
          cpu: { cores: 2 }
          memory: { ram: 8GiB }
      plans:
        small:
          memory: { ram: 1GiB }
      tenants:
        - name: web-{1..2}
          plan: small
          workload:
            kind: service
            arrivals: { process: poisson, rate: 50/s }
            request: { cpu: 5ms }
        - name: hog
          plan: small
          workload: { kind: cpu-hog, threads: 1 }
      report: { interference: none }
      """;

  @TempDir Path dir;

  private Path scenario() throws IOException {
    Path file = dir.resolve("mix.yaml");
    Files.writeString(file, MIX, StandardCharsets.UTF_8);
    return file;
  }

  private CliHarness.Outcome sweep(SimulationEngine engine, String... args) throws IOException {
    String[] all = new String[args.length + 2];
    all[0] = "sweep";
    all[1] = scenario().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliHarness.run(new LoaderScenarioSource(), engine, all);
  }

  @Test
  void eachPoint_getsItsReportFolder_andOneProgressLine_whenRedirected() throws IOException {
    Path out = dir.resolve("out");
    CliHarness.Outcome outcome =
        sweep(
            SimulationEngine.SIMULATOR,
            "--set",
            "tenants[web].count=1,3",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--format",
            "csv");
    assertEquals(0, outcome.code(), outcome.err());
    for (String point : List.of("web.count-1", "web.count-3")) {
      for (String file : ReportOutput.fileNames()) {
        assertTrue(Files.isRegularFile(out.resolve("points").resolve(point).resolve(file)), file);
      }
    }
    // the count reached the loader: web-3 exists at 3 and not at 1
    assertFalse(Files.readString(out.resolve("points/web.count-1/report.json")).contains("web-2"));
    assertTrue(Files.readString(out.resolve("points/web.count-3/report.json")).contains("web-3"));
    List<String> lines = outcome.err().lines().toList();
    assertEquals(2, lines.size(), outcome.err());
    assertTrue(
        lines
            .get(0)
            .matches(
                "sweep: web\\.count-1 done in [0-9.]+ s \\(1/2 points, [0-9.]+ s elapsed, about"
                    + " [0-9.]+ s left\\)"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches("sweep: web\\.count-3 done in [0-9.]+ s \\(2/2 points, [0-9.]+ s elapsed\\)"),
        lines.get(1));
    assertFalse(outcome.err().contains("\r"));
    // the table's first columns: the key, then tenants per host (1 or 3 webs and the hog)
    List<String> rows = outcome.out().lines().toList();
    assertTrue(rows.get(0).startsWith("tenants[web].count,tenants_per_host,"), rows.get(0));
    assertTrue(rows.get(0).contains(",p99_ms.web,p99_ms.web.ci95_low,p99_ms.web.ci95_high"));
    assertTrue(rows.get(1).startsWith("1,2,"), rows.get(1));
    assertTrue(rows.get(2).startsWith("3,4,"), rows.get(2));
  }

  @Test
  void quiet_writesNoProgress() throws IOException {
    CliHarness.Outcome outcome =
        sweep(
            SimulationEngine.SIMULATOR,
            "--set",
            "hosts[node-1].cpu.cores=2",
            "--quiet",
            "--out",
            dir.resolve("out").toString());
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals("", outcome.err());
  }

  @Test
  void scale_keepsTheMixProportions() throws IOException {
    // web 2 : hog 1. Total 3: 2 + 1; total 6: 4 + 2 (exact quotas)
    Path out = dir.resolve("out");
    CliHarness.Outcome outcome =
        sweep(
            SimulationEngine.SIMULATOR,
            "--scale",
            "all=3,6",
            "--out",
            out.toString(),
            "--format",
            "csv",
            "--quiet");
    assertEquals(0, outcome.code(), outcome.err());
    List<String> rows = outcome.out().lines().toList();
    assertTrue(rows.get(0).startsWith("scale all,tenants_per_host,"), rows.get(0));
    assertTrue(rows.get(1).startsWith("3,3,"), rows.get(1));
    assertTrue(rows.get(2).startsWith("6,6,"), rows.get(2));
    String six = Files.readString(out.resolve("points/all-6/report.json"));
    assertTrue(six.contains("\"web-4\"") && six.contains("\"hog-2\""), "4 webs and 2 hogs");
    assertFalse(six.contains("\"web-5\""));
  }

  @Test
  void unknownName_exitsTwo_listingTheNames() throws IOException {
    CliHarness.Outcome outcome =
        sweep(SimulationEngine.SIMULATOR, "--set", "tenants[api].count=1,2");
    assertEquals(2, outcome.code(), outcome.err());
    assertTrue(
        outcome.err().contains("no item named api (expected one of: web (web-{1..2}), hog)"),
        outcome.err());
    CliHarness.Outcome scale = sweep(SimulationEngine.SIMULATOR, "--scale", "api=1..3");
    assertEquals(2, scale.code(), scale.err());
    assertTrue(
        scale.err().contains("no such group or template in mix (groups: all; templates: web, hog)"),
        scale.err());
  }

  @Test
  void interrupted_keepsTheFinishedPoints_andSaysWhere() throws IOException {
    Path out = dir.resolve("out");
    Path first = out.resolve("points").resolve("cores-1");
    Thread main = Thread.currentThread();
    // the second point's first run interrupts the command once the first point's report is there
    SimulationEngine engine =
        scenario -> {
          if (scenario.hosts().get(0).cpu().cores() == 2) {
            awaitFiles(first);
            main.interrupt();
          }
          return SimulationEngine.SIMULATOR.run(scenario);
        };
    CliHarness.Outcome outcome;
    try {
      outcome =
          sweep(
              engine, "--set", "hosts[0].cpu.cores=1,2", "--threads", "1", "--out", out.toString());
    } finally {
      Thread.interrupted(); // clear the flag for the next test
    }
    assertEquals(130, outcome.code(), outcome.err());
    assertTrue(
        outcome
            .err()
            .contains(
                "oversold: interrupted; 1 of 2 points had finished; their reports are in "
                    + out.resolve("points")
                    + " (cores-1); no sweep table was written"),
        outcome.err());
    assertTrue(Files.isRegularFile(first.resolve("report.json")));
    assertFalse(Files.exists(out.resolve("points").resolve("cores-2")), "no folder for cores-2");
    assertFalse(Files.exists(out.resolve("sweep.csv")));
  }

  private static void awaitFiles(Path folder) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!ReportOutput.fileNames().stream().allMatch(f -> Files.exists(folder.resolve(f)))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the first point's report never appeared");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
