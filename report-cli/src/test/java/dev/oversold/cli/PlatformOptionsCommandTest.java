package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.runner.SimulationEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void run_ofTheFileOnXen_runsXensBlock() throws IOException {
    // options are the file's own platform's: on Xen, OpenVZ's dirty-throttling is refused ...
    var refused =
        oversold("run", file(FILE).toString(), "--set", "hosts[0].platform=xen", "--quiet");
    assertEquals(2, refused.code(), refused.err());
    assertTrue(
        refused.err().contains("hosts[0].options.dirty-throttling: unknown option of xen"),
        refused.err());
    // ... so a file meant to run on several platforms gives OpenVZ's in its block too
    String anyPlatform =
        FILE.replace("    options: { dirty-throttling: 2.6.18 }\n", "")
            .replace("xen: {", "openvz: { dirty-throttling: 2.6.18 }\n      xen: {");
    Path out = dir.resolve("run");
    var outcome =
        oversold(
            "run",
            file(anyPlatform).toString(),
            "--set",
            "hosts[0].platform=xen",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, outcome.code(), outcome.err());
    JsonNode xen = hostOptions(out.resolve("report.json"));
    assertEquals("xen-3.0", xen.get("blkif-ring").asText());
    assertEquals("1", xen.get("dom0-vcpus").asText());
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
