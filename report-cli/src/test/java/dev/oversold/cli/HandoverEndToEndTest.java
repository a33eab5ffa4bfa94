package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run handed over to a second JVM against the same run done directly, as whole processes started
 * the way the launcher starts them (C1 only, the handover property), with a threshold of 0 events
 * to force the handover or an infinite one to prevent it. The handed-over JVM's options (from the
 * property) make it save its performance counters to a file when it exits, which shows whether a
 * second JVM ran: no handover, no file.
 */
final class HandoverEndToEndTest {
  @TempDir Path dir;

  private static final String SCENARIO =
      """
      scenario: handover
      description: A tiny scenario for the handover test.
      duration: 2s
      warmup: 1s
      hosts:
        - { name: node1, platform: kvm, cpu: { cores: 2 }, memory: { ram: 4GiB } }
      plans:
        small: { vcpus: 1, memory: { ram: 512MiB } }
      tenants:
        - name: web-{1..2}
          plan: small
          workload:
            kind: service
            arrivals: { process: poisson, rate: 20/s }
            request: { cpu: { distribution: exponential, mean: 4ms }, network: 20KiB }
            slo: { latency: 100ms }
        - { name: hog, plan: small, workload: { kind: cpu-hog } }
      """;

  record Result(int code, String out, String err) {}

  private Result oversold(String threshold, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    if (threshold != null) {
      command.add(
          "-D"
              + Handover.PROPERTY
              + "=-XX:+PerfDataSaveToFile -XX:PerfDataSaveFile="
              + dir.resolve("handed-over.hsperf"));
      command.add("-D" + Handover.THRESHOLD_PROPERTY + "=" + threshold);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OversoldCommand.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(Handover.MARKER);
    builder.environment().putAll(env);
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    int code = builder.start().waitFor();
    return new Result(
        code,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path scenario() throws IOException {
    return Files.writeString(dir.resolve("handover.yaml"), SCENARIO);
  }

  private boolean handedOver() {
    return Files.exists(dir.resolve("handed-over.hsperf"));
  }

  @Test
  void handedOverRun_writesTheSameReportsAndOutputAsADirectRun() throws Exception {
    String file = scenario().toString();
    Result direct =
        oversold(
            null,
            Map.of(),
            "run",
            file,
            "--out",
            dir.resolve("direct").toString(),
            "--format",
            "json");
    assertFalse(handedOver());
    Result handed =
        oversold(
            "0",
            Map.of(),
            "run",
            file,
            "--out",
            dir.resolve("handed").toString(),
            "--format",
            "json");
    assertTrue(handedOver(), "a second JVM ran with the options from the property");
    assertEquals(0, direct.code(), direct.err());
    assertEquals(direct, handed);
    assertTrue(direct.out().startsWith("{"), direct.out());
    for (String name : ReportOutput.fileNames()) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("direct").resolve(name)),
          Files.readAllBytes(dir.resolve("handed").resolve(name)),
          name);
    }
  }

  @Test
  void belowTheThreshold_noHandover() throws Exception {
    Result result =
        oversold(
            "Infinity",
            Map.of(),
            "run",
            scenario().toString(),
            "--out",
            dir.resolve("o").toString(),
            "--format",
            "csv");
    assertEquals(0, result.code(), result.err());
    assertFalse(handedOver());
  }

  @Test
  void aHandedOverProcess_neverHandsOverAgain() throws Exception {
    Result result =
        oversold(
            "0",
            Map.of(Handover.MARKER, "1"),
            "run",
            scenario().toString(),
            "--out",
            dir.resolve("o").toString(),
            "--format",
            "csv");
    assertEquals(0, result.code(), result.err());
    assertFalse(handedOver());
  }

  /** The child's failure is the process's: its exit code and its message, printed once. */
  @Test
  void aFailingHandedOverRun_passesItsExitCodeAndMessageThrough() throws Exception {
    String file = scenario().toString();
    Path notAFolder = Files.writeString(dir.resolve("afile"), "x");
    Result direct = oversold(null, Map.of(), "run", file, "--out", notAFolder.toString());
    Result handed = oversold("0", Map.of(), "run", file, "--out", notAFolder.toString());
    assertTrue(handedOver());
    assertEquals(ExitCodes.BAD_INPUT, direct.code());
    assertEquals(direct, handed);
    assertEquals(
        "oversold: --out " + notAFolder + " is a file, not a folder (expected a folder)\n",
        handed.err());
  }

  @Test
  void compare_handedOver_sameOutput() throws Exception {
    String file = scenario().toString();
    Result direct =
        oversold(
            null,
            Map.of(),
            "compare",
            file,
            "--platforms",
            "kvm,xen",
            "--out",
            dir.resolve("direct").toString());
    Result handed =
        oversold(
            "0",
            Map.of(),
            "compare",
            file,
            "--platforms",
            "kvm,xen",
            "--out",
            dir.resolve("handed").toString());
    assertTrue(handedOver());
    assertEquals(0, direct.code(), direct.err());
    assertEquals(direct, handed);
    for (String name : List.of("compare.txt", "compare.json", "compare.csv")) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("direct").resolve(name)),
          Files.readAllBytes(dir.resolve("handed").resolve(name)),
          name);
    }
  }
}
