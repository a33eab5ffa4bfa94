package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 18 (found by fuzzing as a hostile user), each with the problem it must
 * now give. The 30-second limits are hang guards, not speed targets (the glob case is timed in the
 * benchmarks module, {@code GlobBenchmark}). The megabyte glob has none: that its refusal comes
 * before any matching is counted in {@code convert.ReportGroupsTest}, so a slow machine cannot fail
 * it.
 */
final class HostileInputRegressionTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir Path folder;

  private static String minimal(String tenants, String extra) {
    return """
        scenario: r
        duration: 10m
        hosts:
          - { name: h, platform: openvz, cpu: { cores: 8 }, memory: { ram: 8TiB } }
        plans:
          p: { memory: { ram: 256MiB } }
        tenants:
        """
        + tenants
        + extra;
  }

  private static List<String> problems(String text) {
    return assertTimeoutPreemptively(HANG_GUARD, () -> ScenarioLoaderTest.problems(text));
  }

  // Locations: lines count from "scenario: r" (1); columns are where the value starts, counted
  // by hand in the one-line flow mappings below.

  @Test
  void backtrackingGlob_isAnsweredWithoutHanging() {
    // Issue 18, item 1: 43 s with a regex translation; no name contains a 'b', so no match.
    String text =
        minimal(
            "  - { name: '" + "a".repeat(60) + "-{1..100}', plan: p, workload: { kind: idle } }\n",
            "report: { interference: groups, groups: { g: '*a*a*a*a*a*a*a*a*b' } }\n");
    assertEquals(
        List.of(
            "s.yaml:9:46: report.groups.g: group 'g' (*a*a*a*a*a*a*a*a*b) matches no tenant"
                + " (expected a glob over tenant names, e.g. \"web-*\")"),
        problems(text));
  }

  @Test
  void megabyteGlob_isRefusedAndQuotedAsAnExcerpt() {
    String glob = "*".repeat(10) + "a".repeat(1 << 20);
    String text =
        minimal(
            "  - { name: a, plan: p, workload: { kind: idle } }\n",
            "report: { interference: groups, groups: { g: '" + glob + "' } }\n");
    // No clock: ReportGroupsTest counts that no tenant is looked at before the refusal.
    List<String> problems = ScenarioLoaderTest.problems(text);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(
        "s.yaml:9:46: report.groups.g: the glob '**********"
            + "a".repeat(50)
            + "... (1048586 characters)' is longer than the 100 characters a tenant name can have"
            + " (expected a glob of at most 100 characters)",
        problems.get(0));
  }

  @Test
  void tenantsListedOneByOne_countTowardsTheLimit() {
    StringBuilder tenants = new StringBuilder();
    for (int i = 1; i <= 10_001; i++) {
      tenants.append("  - { name: t").append(i).append(", plan: p, workload: { kind: idle } }\n");
    }
    // Issue 18, item 3: 20,000 such tenants were valid. The 10,001st is the first too many.
    assertEquals(
        List.of(
            "s.yaml:10008:13: tenants[10000].name: tenant 't10001' makes 1 tenant, 10001 in all,"
                + " more than the 10000 a scenario may have (expected a name like web-{1..39}, at"
                + " most 10000 tenants in all)"),
        problems(minimal(tenants.toString(), "")));
  }

  @Test
  void secondRange_namesTheRunningTotal() {
    String tenants =
        """
          - { name: 'a-{1..6000}', plan: p, workload: { kind: idle } }
          - { name: 'b-{1..6000}', plan: p, workload: { kind: idle } }
        """;
    assertEquals(
        List.of(
            "s.yaml:9:13: tenants[1].name: range {1..6000} makes 6000 tenants, 12000 in all, more"
                + " than the 10000 a scenario may have (expected a name like web-{1..39}, at most"
                + " 10000 tenants in all)"),
        problems(minimal(tenants, "")));
  }

  @Test
  void nanosecondSampleInterval_isRefusedWithTheShortestAllowed() {
    // 10 minutes / 1 ns = 6 x 10^11 samples; 10 min / 100,000 = 6 ms is the shortest allowed.
    String text =
        minimal("  - { name: t, plan: p, workload: { kind: idle } }\n", "")
            .replace("duration: 10m\n", "duration: 10m\nsample-interval: 1ns\n");
    assertEquals(
        List.of(
            "s.yaml:3:18: sample-interval: the sample interval 1ns makes 600000000000 samples over"
                + " the duration, more than the 100000 a run may keep (expected a sample interval"
                + " of at least 6ms)"),
        problems(text));
  }

  @Test
  void terminalEscapesInNames_arePrintedEscaped() {
    String text =
        minimal(
                "  - { name: t, plan: p, workload: { kind: idle } }\n",
                "report: { groups: { \"g\\a\\r\": t } }\n")
            .replace("scenario: r", "scenario: \"r\\e[31mred\"");
    List<String> problems = problems(text);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("name 'r\\x1b[31mred' is not valid"), problems.get(0));
    assertTrue(problems.get(1).contains("group name 'g\\x07\\r' is not valid"), problems.get(1));
    for (String problem : problems) {
      assertTrue(problem.chars().noneMatch(c -> c < 0x20), problem);
    }
  }

  @Test
  void jobsFileOutsideTheScenarioFolder_isNotRead() throws IOException {
    Path scenarioFolder = Files.createDirectories(folder.resolve("a").resolve("b"));
    Files.writeString(folder.resolve("secret.csv"), "root:x:0:0:root:/root:/bin/bash\n");
    Path file = scenarioFolder.resolve("s.yaml");
    Files.writeString(
        file,
        minimal(
            "  - { name: t, plan: p, workload: { kind: batch, jobs-file: ../../secret.csv } }\n",
            ""));
    List<String> problems = loadProblems(file);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("the jobs file is outside the scenario's folder"),
        problems.get(0));
    assertFalse(problems.get(0).contains("root:"), "the content is never quoted");
  }

  @Test
  void jobsFileGivenOnTheCommandLine_mayBeAnywhere() throws IOException, ScenarioException {
    Path scenarioFolder = Files.createDirectories(folder.resolve("a"));
    Path jobs = Files.writeString(folder.resolve("jobs.csv"), "submit,cpu\n0s,1s\n");
    Path file = scenarioFolder.resolve("s.yaml");
    Files.writeString(
        file,
        minimal(
            "  - { name: t, plan: p, workload: { kind: batch, jobs: { count: 1, cpu: 1s } } }\n",
            ""));
    Scenario scenario =
        ScenarioLoader.load(
            file,
            List.of(new Override("tenants[0].workload", "{kind: batch, jobs-file: " + jobs + "}")));
    assertEquals(1, scenario.tenants().size());
  }

  @Test
  void jobsFileThatIsAFolder_saysSo() throws IOException {
    Files.createDirectories(folder.resolve("jdir"));
    Path file = folder.resolve("s.yaml");
    Files.writeString(
        file,
        minimal("  - { name: t, plan: p, workload: { kind: batch, jobs-file: jdir } }\n", ""));
    List<String> problems = loadProblems(file);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .endsWith(" is a folder (expected a CSV file relative to the scenario file)"),
        problems.get(0));
  }

  @Test
  void unknownYamlTag_isAnError() {
    String text =
        minimal("  - { name: t, plan: p, workload: { kind: idle } }\n", "")
            .replace("cores: 8", "cores: !foo 8");
    assertEquals(
        List.of("s.yaml:4:48: unknown YAML tag '!foo' (expected a plain value without a tag)"),
        problems(text));
  }

  @Test
  void startAfterTheDuration_isAnError() {
    String text =
        minimal("  - { name: t, plan: p, workload: { kind: cpu-hog, start: 20m } }\n", "");
    assertEquals(
        List.of(
            "s.yaml:8:59: tenants[0].workload.start: the workload starts at 20m, not before the run"
                + " ends (10m), so it would never run (expected a start before the duration)"),
        problems(text));
  }

  @Test
  void everyJobAfterTheDuration_isAnError_someLateJobsAreNot() throws ScenarioException {
    String late =
        "  - { name: t, plan: p, workload: { kind: batch, jobs: [ { submit: 11m, cpu: 1s } ] } }\n";
    assertEquals(
        List.of(
            "s.yaml:8:56: tenants[0].workload.jobs: every job is submitted at or after the end of"
                + " the run (10m), so none would run (expected a submit time before the duration)"),
        problems(minimal(late, "")));
    String someLate =
        "  - { name: t, plan: p, workload: { kind: batch, jobs: [ { submit: 0s, cpu: 1s },"
            + " { submit: 11m, cpu: 1s } ] } }\n";
    assertEquals(1, ScenarioLoaderTest.parse(minimal(someLate, "")).tenants().size());
  }

  @Test
  void jsonNaN_isExplainedWithoutParserFeatureNames() {
    ScenarioException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScenarioException.class,
            () ->
                ScenarioLoader.parse(
                    "{\"scenario\": \"r\", \"duration\": NaN}", "s.json", null, List.of()));
    String problem = error.problems().get(0).toString();
    assertFalse(problem.contains("Feature"), problem);
    assertFalse(problem.contains("`"), problem);
    assertTrue(problem.startsWith("s.json:1:"), problem);
  }

  @Test
  void operationsRates_acceptAPlainNumberOrPerSecond() throws ScenarioException {
    String plain =
        minimal("  - { name: t, plan: q, workload: { kind: idle } }\n", "")
            .replace(
                "  p: { memory: { ram: 256MiB } }",
                "  p: { memory: { ram: 256MiB } }\n"
                    + "  q: { memory: { ram: 256MiB }, disk: { iops-limit: 200 },"
                    + " native: { iopslimit: 0 } }");
    String withUnit =
        plain
            .replace("iops-limit: 200", "iops-limit: 200/s")
            .replace("iopslimit: 0", "iopslimit: 0/s");
    Scenario a = ScenarioLoaderTest.parse(plain);
    Scenario b = ScenarioLoaderTest.parse(withUnit);
    assertEquals(200.0, a.tenants().get(0).plan().disk().iopsLimit());
    assertEquals(a, b);
  }

  @Test
  void hostDiskSize_isAcceptedAndMustBePositive() throws ScenarioException {
    String sized =
        minimal("  - { name: t, plan: p, workload: { kind: idle } }\n", "")
            .replace("memory: { ram: 8TiB } }", "memory: { ram: 8TiB }, disk: { size: 2TiB } }");
    assertEquals(1, ScenarioLoaderTest.parse(sized).hosts().size());
    List<String> zero = problems(sized.replace("size: 2TiB", "size: 0B"));
    assertEquals(1, zero.size(), zero.toString());
    assertTrue(
        zero.get(0).contains("hosts[0].disk.size: the disk size must be more than 0"), zero.get(0));
  }

  private static List<String> loadProblems(Path file) {
    ScenarioException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScenarioException.class, () -> ScenarioLoader.load(file));
    return error.problems().stream().map(Problem::toString).toList();
  }
}
