package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.IoSchedulerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The disk's device keys (profile, queue-depth) and the host's io-scheduler option. */
final class DiskDeviceKeysTest {
  private static String withHost(String platform, String disk, String options) {
    return ScenarioLoaderTest.MINIMAL
        .replace("platform: kvm", "platform: " + platform)
        .replace(
            "    memory: { ram: 32GiB }\n",
            "    memory: { ram: 32GiB }\n"
                + (disk.isEmpty() ? "" : "    disk: " + disk + "\n")
                + (options.isEmpty() ? "" : "    options: " + options + "\n"));
  }

  @Test
  void oldFiles_deriveTheDeviceAndLeaveTheSchedulerToThePlatform() throws ScenarioException {
    var disk = ScenarioLoaderTest.parse(ScenarioLoaderTest.MINIMAL).hosts().get(0).disk();
    assertEquals(DiskKind.DERIVED, disk.kind());
    assertEquals(0, disk.queueDepth());
    assertNull(disk.scheduler());
  }

  @Test
  void profileAndDepthAndScheduler_areRead() throws ScenarioException {
    var disk =
        ScenarioLoaderTest.parse(
                withHost(
                    "openvz", "{ profile: hdd, queue-depth: 1 }", "{ io-scheduler: deadline }"))
            .hosts()
            .get(0)
            .disk();
    assertEquals(DiskKind.HDD, disk.kind());
    assertEquals(1, disk.queueDepth());
    assertEquals(IoSchedulerKind.DEADLINE, disk.scheduler());
    // The hdd profile's nominal IOPS: one arm, 12,666,667 ns positioning + 4096 / 150e6 s.
    assertEquals(1 / (12_666_667e-9 + 4096 / 150e6), disk.iops(), 1e-9);
  }

  @Test
  void aSchedulerThePlatformLacks_namesTheAllowedOnes() {
    assertEquals(
        List.of(
            "s.yaml:8:30: hosts[0].options.io-scheduler: the openvz host's kernel has no 'bfq'"
                + " scheduler (expected one of: cfq, deadline, noop (default cfq))"),
        ScenarioLoaderTest.problems(withHost("openvz", "", "{ io-scheduler: bfq }")));
  }

  @Test
  void anUnknownScheduler_namesTheAllowedOnes() {
    assertEquals(
        List.of(
            "s.yaml:8:30: hosts[0].options.io-scheduler: unknown I/O scheduler 'fancy' (expected"
                + " one of: mq-deadline, none, bfq (default mq-deadline))"),
        ScenarioLoaderTest.problems(withHost("kvm", "", "{ io-scheduler: fancy }")));
  }

  @Test
  void queueDepthZeroAndANegativeLatency_areRefusedWhereTheyAre() {
    List<String> problems =
        ScenarioLoaderTest.problems(withHost("kvm", "{ latency: -1ms, queue-depth: 0 }", ""));
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(
        "s.yaml:8:22: hosts[0].disk.latency: '-1ms' is negative (expected a duration with a unit:"
            + " ns us ms s m h d, e.g. 250ms)",
        problems.get(0));
    assertEquals(
        "s.yaml:8:41: hosts[0].disk.queue-depth: queue depth must be at least 1, found 0 (expected"
            + " a whole number of requests the device accepts at once, e.g. 32 (SATA NCQ))",
        problems.get(1));
  }

  @Test
  void aProfileWithOldKeys_isRefused() {
    List<String> problems =
        ScenarioLoaderTest.problems(withHost("kvm", "{ profile: ssd, iops: 100 }", ""));
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void anUnknownProfile_namesTheProfiles() {
    List<String> problems = ScenarioLoaderTest.problems(withHost("kvm", "{ profile: tape }", ""));
    assertEquals(
        List.of(
            "s.yaml:8:22: hosts[0].disk.profile: unknown disk profile 'tape' (expected one of:"
                + " hdd, ssd, nvme)"),
        problems);
  }
}
