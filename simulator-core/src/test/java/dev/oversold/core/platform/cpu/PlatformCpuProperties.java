package dev.oversold.core.platform.cpu;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.runtime.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Long-run CPU properties of every platform, end to end through Simulator.run. */
final class PlatformCpuProperties {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final long SECONDS = 3;

  record Tenant(int vcpus, int threads, double weight, double limit, double reservation) {
    int busyVcpus() {
      return Math.min(vcpus, threads);
    }
  }

  @Provide
  Arbitrary<Tenant> tenant() {
    Arbitrary<Double> limits =
        Arbitraries.oneOf(
            Arbitraries.just(INF), Arbitraries.doubles().between(0.2, 2.5).ofScale(2));
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 4),
            Arbitraries.of(0.5, 1.0, 2.0),
            limits,
            Arbitraries.of(0.0, 0.25, 0.5))
        .as(Tenant::new);
  }

  @Provide
  Arbitrary<Tenant> uncappedTenant() {
    return tenant().map(t -> new Tenant(t.vcpus(), t.threads(), t.weight(), INF, t.reservation()));
  }

  private static SimulationResult run(
      PlatformKind platform, int cores, List<Tenant> tenants, boolean wakeupDelay) {
    List<TenantSpec> specs = new ArrayList<>();
    for (int i = 0; i < tenants.size(); i++) {
      Tenant t = tenants.get(i);
      specs.add(
          hog("t" + i, "h", plan(t.vcpus(), t.weight(), t.limit(), t.reservation()), t.threads()));
    }
    var host = host("h", platform, cores, 1.0, Map.of("cpu-wakeup-delay", wakeupDelay ? 1.0 : 0));
    return Simulator.run(scenario(SECONDS, List.of(host), specs));
  }

  private static double used(SimulationResult result, int i) {
    return result.tenant("t" + i).metrics().cpu().usedCoreSeconds();
  }

  @Property(tries = 80)
  void capsAndVcpuCountsAreNeverExceeded(
      @ForAll PlatformKind platform,
      @ForAll @IntRange(min = 1, max = 4) int cores,
      @ForAll("tenants") List<Tenant> tenants) {
    var result = run(platform, cores, tenants, true);
    for (int i = 0; i < tenants.size(); i++) {
      Tenant t = tenants.get(i);
      // Periods (1 s, 100 ms, 30 ms) divide the 3 s run, so per-period quotas add up exactly.
      double ceiling = Math.min(t.limit(), t.busyVcpus()) * SECONDS;
      assertTrue(used(result, i) <= ceiling + 1e-6, "tenant " + i + ": " + t);
    }
  }

  @Provide
  Arbitrary<List<Tenant>> tenants() {
    return tenant().list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Tenant>> uncappedTenants() {
    return uncappedTenant().list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 60)
  void esxiReservationsAreHonoured(
      @ForAll @IntRange(min = 1, max = 4) int cores, @ForAll("tenants") List<Tenant> tenants) {
    double reserved = 0;
    for (Tenant t : tenants) {
      reserved += Math.min(t.reservation(), Math.min(t.limit(), t.busyVcpus()));
    }
    net.jqwik.api.Assume.that(reserved <= cores); // admission control refuses over-reservation
    var result = run(PlatformKind.VMWARE, cores, tenants, true);
    for (int i = 0; i < tenants.size(); i++) {
      Tenant t = tenants.get(i);
      double floor = Math.min(t.reservation(), Math.min(t.limit(), t.busyVcpus())) * SECONDS;
      // the wake-up wait at t = 0 (at most a quantum per thread) is not reserved time
      assertTrue(used(result, i) >= floor - 0.1, "tenant " + i + ": " + t);
    }
  }

  @Property(tries = 80)
  void uncappedTenantsLeaveNoCoreIdle(
      @ForAll PlatformKind platform,
      @ForAll @IntRange(min = 1, max = 4) int cores,
      @ForAll("uncappedTenants") List<Tenant> tenants) {
    var result = run(platform, cores, tenants, false);
    double demand = 0;
    double total = 0;
    for (int i = 0; i < tenants.size(); i++) {
      demand += tenants.get(i).busyVcpus();
      total += used(result, i);
    }
    // Constant demand: the host does min(cores, demand) core-seconds per second.
    assertEquals(Math.min(cores, demand) * SECONDS, total, 1e-6);
  }

  @Property(tries = 80)
  void equalTenantsGetEqualShares(
      @ForAll PlatformKind platform,
      @ForAll @IntRange(min = 1, max = 4) int cores,
      @ForAll("tenant") Tenant template,
      @ForAll @IntRange(min = 2, max = 8) int count) {
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tenants.add(template);
    }
    var result = run(platform, cores, tenants, false);
    double first = used(result, 0);
    for (int i = 1; i < count; i++) {
      assertEquals(first, used(result, i), 1e-6);
    }
  }

  @Property(tries = 80)
  void runStealThrottledAndIdleAddUpToTheVcpus(
      @ForAll PlatformKind platform,
      @ForAll @IntRange(min = 1, max = 4) int cores,
      @ForAll("tenants") List<Tenant> tenants) {
    // With wake-up waits on. A hog's busy vCPUs are runnable all the time: run + steal (contended
    // or waiting to be woken) + throttled = busy vCPUs x duration; its other vCPUs are idle.
    var result = run(platform, cores, tenants, true);
    for (int i = 0; i < tenants.size(); i++) {
      Tenant t = tenants.get(i);
      var cpu = result.tenant("t" + i).metrics().cpu();
      double runnable = t.busyVcpus() * SECONDS;
      double idle = (t.vcpus() - t.busyVcpus()) * SECONDS;
      double steal = cpu.stealFraction() * runnable;
      double throttled = cpu.throttledFraction() * runnable;
      assertEquals(
          t.vcpus() * SECONDS,
          cpu.usedCoreSeconds() + steal + throttled + idle,
          1e-6,
          "tenant " + i + ": " + t + cpu);
    }
  }
}
