package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.scenarios.ScenarioLoader.Override;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1: a host whose reserve and per-VM overhead leave its tenants no RAM is refused at
 * the host's RAM, through the same rule the simulator applies (Admission).
 */
final class ResidentMemoryProblemsTest {
  private static final String MINIMAL = ScenarioLoaderTest.MINIMAL;

  private static List<String> problems(String text, Override... overrides) {
    return ScenarioLoaderTest.problems(text, overrides);
  }

  @Test
  void kvmHost_whoseReserveAndQemuOverheadFillItsRam_isRefusedAtItsRam() throws Exception {
    // By hand: 1 GiB host: reserve 512 MiB + 1,024 / 64 = 528 MiB; six 1-vCPU VMs at 64 + 8 + 16 =
    // 88 MiB = 528 MiB; 1,056 MiB >= 1,024 MiB. Five (440 MiB, 968 in all) fit.
    String text =
        MINIMAL.replace("ram: 32GiB", "ram: 1GiB").replace("name: web", "name: web-{1..6}");
    assertEquals(
        List.of(
            "s.yaml:7:20: hosts[0].memory.ram: host node1 (kvm): 1056.0 MiB of RAM is resident"
                + " before any tenant touches a page (host reserve 528.0 MiB + overhead of 6"
                + " tenants 528.0 MiB), but the host has 1024.0 MiB; no tenant could run: give the"
                + " host more RAM, lower host-reserved or vm-overhead, or place fewer tenants"
                + " (expected a ram of more than 1056.0 MiB (host reserve + per-tenant overhead))"),
        problems(text));
    assertEquals(
        5, ScenarioLoaderTest.parse(text.replace("web-{1..6}", "web-{1..5}")).tenants().size());
  }

  @Test
  void openvzHost_whoseReserveIsAllItsRam_isRefused() {
    // host-reserved 1 GiB on a 1 GiB host: 1,024 MiB resident, nothing left.
    String text =
        MINIMAL
            .replace("platform: kvm", "platform: openvz")
            .replace("ram: 32GiB }", "ram: 1GiB }\n    options: { host-reserved: 1GiB }");
    List<String> problems = problems(text);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(
        "s.yaml:7:20: hosts[0].memory.ram: host node1 (openvz): 1024.0 MiB of RAM is resident"
            + " before any tenant touches a page (host reserve 1024.0 MiB + overhead of 1 tenants"
            + " 0.0 MiB), but the host has 1024.0 MiB; no tenant could run: give the host more RAM,"
            + " lower host-reserved, or place fewer tenants (expected a ram of more than 1024.0 MiB"
            + " (host reserve + per-tenant overhead))",
        problems.get(0));
  }
}
