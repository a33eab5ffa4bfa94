package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static dev.oversold.core.fixtures.Scenarios.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenants sharing one guest: one vCPU set, one memory and OOM scope, one report row each. */
final class SharedGuestTest {
  private static final long SECONDS = 10;

  private static HostSpec node(PlatformKind platform) {
    // 4 idle cores, no wake-up delay model: the guest's vCPUs are the only limit.
    return host("h", platform, 4, 1.0, Map.of("cpu-wakeup-delay", 0.0));
  }

  private static TenantSpec sharing(TenantSpec tenant, String guest) {
    return new TenantSpec(tenant.name(), tenant.host(), tenant.plan(), tenant.workload(), guest);
  }

  private static double progress(SimulationResult result, int tenant) {
    return result.tenants().get(tenant).metrics().progressPerSecond();
  }

  @Test
  void twoCpuHogsInOneVcpuGuest_eachGetHalfOfIt() {
    for (PlatformKind platform : List.of(PlatformKind.OPENVZ, PlatformKind.KVM)) {
      TenantSpec a = hog("a", "h", plan(1), 1);
      TenantSpec b = hog("b", "h", plan(1), 1);
      double alone =
          progress(Simulator.run(scenario(SECONDS, List.of(node(platform)), List.of(a))), 0);
      SimulationResult shared =
          Simulator.run(scenario(SECONDS, List.of(node(platform)), List.of(a, sharing(b, "a"))));
      SimulationResult apart =
          Simulator.run(scenario(SECONDS, List.of(node(platform)), List.of(a, b)));
      // Hand-derived: one vCPU processor-shared by two always-runnable threads gives each half of
      // what one thread gets alone in it; within one 0.05 core-s chunk over 10 s (0.005/s).
      assertEquals(alone / 2, progress(shared, 0), 0.005, platform.id());
      assertEquals(alone / 2, progress(shared, 1), 0.005, platform.id());
      // Control: in guests of their own on 4 idle cores each gets a whole vCPU.
      assertEquals(alone, progress(apart, 1), 0.005, platform.id());
      // Each row reports its guest's CPU, one busy vCPU's worth: what a guest with one hog uses
      // (tenant a apart), not the half its own thread used.
      double busyVcpu = apart.tenants().get(0).metrics().cpu().usedCoreSeconds();
      TenantMetrics.Cpu first = shared.tenants().get(0).metrics().cpu();
      TenantMetrics.Cpu second = shared.tenants().get(1).metrics().cpu();
      assertEquals(busyVcpu, first.usedCoreSeconds(), 0.05 * 2, platform.id());
      assertEquals(busyVcpu, second.usedCoreSeconds(), 0.05 * 2, platform.id());
      // Both hosts' oversell counts the plan once: 1 vCPU on 4 cores.
      assertEquals(0.25, shared.hosts().get(0).oversell().cpu(), 1e-12, platform.id());
    }
  }

  @Test
  void aServiceInAMemoryBombsGuest_isOomKilledWithIt_butNotInAGuestOfItsOwn() {
    // KVM: the guest kernel's OOM killer acts on the guest's 1 GiB RAM + 1 GiB swap.
    TenantSpec bomb =
        new TenantSpec(
            "bomb",
            "h",
            plan(1),
            new WorkloadSpec.MemoryBomb(256.0 * (1 << 20), WorkloadSpec.Window.ALWAYS));
    TenantSpec web = service("web", "h", plan(1), 50, 0.002);
    HostSpec node = node(PlatformKind.KVM);
    SimulationResult shared =
        Simulator.run(scenario(20, List.of(node), List.of(bomb, sharing(web, "bomb"))));
    SimulationResult apart = Simulator.run(scenario(20, List.of(node), List.of(bomb, web)));
    TenantMetrics bombShared = shared.tenants().get(0).metrics();
    TenantMetrics webShared = shared.tenants().get(1).metrics();
    assertEquals(1, bombShared.oomKills());
    // One OOM scope: the web dies with the bomb, at the same instant.
    assertEquals(1, webShared.oomKills());
    assertEquals(bombShared.firstOomKillSeconds(), webShared.firstOomKillSeconds(), 0.0);
    assertTrue(bombShared.firstOomKillSeconds() < 20, "" + bombShared.firstOomKillSeconds());
    // After the kill the web serves nothing: fewer completions than the 50/s it was offered.
    assertTrue(webShared.throughputPerSecond() < 50 * 0.9, "" + webShared.throughputPerSecond());
    // Control: in its own guest the web survives the neighbour's OOM kill.
    assertEquals(1, apart.tenants().get(0).metrics().oomKills());
    assertEquals(0, apart.tenants().get(1).metrics().oomKills());
  }
}
