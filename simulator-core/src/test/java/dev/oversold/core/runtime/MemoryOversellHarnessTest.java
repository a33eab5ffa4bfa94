package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.testkit.BombHarness;
import dev.oversold.core.testkit.Specs;
import dev.oversold.core.workload.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 2:1 memory-oversold host with a memory bomb, on each platform: 8 GiB of RAM and 2 GiB of swap
 * sold as sixteen 1 GiB plans (1 GiB of swap each). Fifteen web victims keep a 400 MiB working set,
 * touch 1 MiB per request at 20 requests/s; at 10 s the sixteenth tenant allocates 100 MiB/s until
 * refused or killed. Prints the outcome table of the closing note.
 */
final class MemoryOversellHarnessTest {
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;
  static final int VICTIMS = 15;

  static Scenario scenario(String platform, Map<String, Double> options, Map<String, Double> plan) {
    HostSpec host =
        new HostSpec(
            "node",
            Platforms.byId(platform).orElseThrow(),
            new HostSpec.Cpu(8, 1.0),
            new HostSpec.Memory(8 * GIB, 2 * GIB),
            new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100)),
            Specs.NIC,
            Specs.host("node", platform, 8 * GIB, 2 * GIB, options).options());
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 1; i <= VICTIMS; i++) {
      tenants.add(
          new TenantSpec(
              "web-" + i,
              "node",
              Specs.plan("small", GIB, GIB, plan),
              Specs.service(20, 400 * MIB, MIB, 1)));
    }
    tenants.add(
        new TenantSpec(
            "bomb",
            "node",
            Specs.plan("small", GIB, GIB, plan),
            new WorkloadSpec.MemoryBomb(100 * MIB, WorkloadSpec.Window.ALWAYS)));
    return Specs.scenario("bomb-" + platform, 7, SimDuration.ofSeconds(60), List.of(host), tenants);
  }

  static SimulationResult run(Scenario scenario) {
    return Simulator.run(
        scenario,
        spec ->
            spec instanceof WorkloadSpec.MemoryBomb bomb
                ? new BombHarness(bomb.bytesPerSecond(), 10 * SimTime.SECOND)
                : Workloads.create(spec));
  }

  static String row(String label, SimulationResult result) {
    long faults = 0;
    long kills = 0;
    long failed = 0;
    double swapped = 0;
    double p99 = 0;
    TenantResult bomb = null;
    for (TenantResult tenant : result.tenants()) {
      if (tenant.name().equals("bomb")) {
        bomb = tenant;
        continue;
      }
      var m = tenant.metrics();
      faults += m.memory().majorFaults();
      kills += m.oomKills();
      failed += m.failed();
      swapped += m.memory().swappedBytes();
      p99 = Math.max(p99, m.latencyMs() == null ? 0 : m.latencyMs().p99());
    }
    var b = bomb.metrics();
    return String.format(
        Locale.ROOT,
        "| %-22s | %9d | %8.0f | %5d | %6d | %8.1f | %8.0f | %4d | %4d | %8.0f |",
        label,
        faults,
        swapped / MIB,
        kills,
        failed,
        p99,
        b.progressPerSecond() * 60 / MIB,
        b.oomKills(),
        b.refusals(),
        b.memory().swappedBytes() / MIB);
  }

  @Test
  void bomb_onEachPlatform_printsTheOutcomes() {
    List<String> rows = new ArrayList<>();
    rows.add(
        "| platform               | victim faults | victim swap MiB (mean sum) | victim OOM | failed"
            + " | worst p99 ms | bomb MiB | bomb OOM | refused | bomb swap MiB |");
    Map<String, Double> none = Map.of();
    SimulationResult openvz = run(scenario("openvz", none, none));
    rows.add(row("openvz", openvz));
    SimulationResult bare = run(scenario("bare-metal", none, none));
    rows.add(row("bare-metal", bare));
    Map<String, Double> kvmSized = Map.of("host-reserved", 512.0 * MIB, "vm-overhead", 64.0 * MIB);
    SimulationResult kvm = run(scenario("kvm", kvmSized, none));
    rows.add(row("kvm (sized)", kvm));
    SimulationResult kvmDefault = run(scenario("kvm", none, none));
    rows.add(row("kvm (defaults)", kvmDefault));
    SimulationResult vmware = run(scenario("vmware", none, none));
    rows.add(row("vmware", vmware));
    var refused =
        assertThrows(MemoryAdmissionException.class, () -> run(scenario("xen", none, none)));
    rows.add("| xen (no targets)       | refused: " + refused.getMessage() + " |");
    // 16 guests with 448 MiB targets fill the 7 GiB beside dom0 exactly.
    SimulationResult xen = run(scenario("xen", none, Map.of("memory", 448.0 * MIB)));
    rows.add(row("xen (448 MiB targets)", xen));
    System.out.println(String.join("\n", rows));

    // Xen: partitioned; each victim's 400 MiB working set fits its 448 MiB guest, so no victim
    // page ever leaves RAM whatever the bomb does.
    for (TenantResult tenant : xen.tenants()) {
      if (!tenant.name().equals("bomb")) {
        assertEquals(0, tenant.metrics().memory().majorFaults(), tenant.name());
        assertEquals(0, tenant.metrics().oomKills(), tenant.name());
      }
    }
    // Everywhere the bomb stops: killed by its own limit or refused.
    for (SimulationResult result : List.of(openvz, bare, kvm, vmware, xen)) {
      TenantResult bomb = result.tenants().get(VICTIMS);
      assertTrue(bomb.metrics().oomKills() + bomb.metrics().refusals() >= 1, result.scenario());
    }
  }
}
