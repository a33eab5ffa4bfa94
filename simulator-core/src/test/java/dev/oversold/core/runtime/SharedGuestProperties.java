package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Tenants sharing a guest share its CPU allowance: together they never get more, and alone on the
 * host they fill it.
 */
final class SharedGuestProperties {
  private static final long SECONDS = 5;

  @Property(tries = 40)
  void aGuestSharedPair_neverGetsMoreCpuThanTheGuestsAllowance(
      @ForAll("platforms") PlatformKind platform,
      @ForAll @IntRange(min = 1, max = 4) int cores,
      @ForAll @IntRange(min = 1, max = 3) int vcpus,
      @ForAll @DoubleRange(min = 0.2, max = 4.0) double limit,
      @ForAll boolean limited,
      @ForAll @IntRange(min = 1, max = 3) int threadsA,
      @ForAll @IntRange(min = 1, max = 3) int threadsB,
      @ForAll boolean neighbour) {
    double limitCores = limited ? limit : Double.POSITIVE_INFINITY;
    var guestPlan = plan(vcpus, 1.0, limitCores, 0);
    List<TenantSpec> tenants = new ArrayList<>();
    tenants.add(hog("a", "h", guestPlan, threadsA));
    TenantSpec b = hog("b", "h", guestPlan, threadsB);
    tenants.add(new TenantSpec(b.name(), b.host(), b.plan(), b.workload(), "a"));
    if (neighbour) {
      tenants.add(hog("n", "h", plan(2), 2));
    }
    SimulationResult result =
        Simulator.run(scenario(SECONDS, List.of(host("h", platform, cores)), tenants));
    double pair =
        result.tenants().get(0).metrics().progressPerSecond()
            + result.tenants().get(1).metrics().progressPerSecond();
    // The guest's allowance: its vCPUs, its cap, the host's cores (speed 1.0: reference cores).
    double allowance = Math.min(Math.min(vcpus, limitCores), cores);
    // Progress is counted per completed chunk, never ahead of the CPU given: no tolerance beyond
    // rounding.
    assertTrue(
        pair <= allowance * (1 + 1e-9),
        platform.id() + ": pair " + pair + " core-s/s > allowance " + allowance);
    // And the pair's progress fits in what its guest's row says the guest used.
    double used = result.tenants().get(1).metrics().cpu().usedCoreSeconds() / SECONDS;
    assertTrue(pair <= used * (1 + 1e-9) + 1e-9, "pair " + pair + " > guest used " + used);
    if (!neighbour && !limited && cores >= vcpus) {
      // Nothing else wants the cores and nothing caps the guest: the pair's always-runnable
      // threads fill min(threads, vCPUs), less what the platforms' start-up and chunk counting
      // lose (0.05 core-s chunks counted when complete, wake-up paths): a loose floor of 90 %,
      // which a guest that starved its tenants (or gave them one vCPU of several) would fail.
      double expected = Math.min(threadsA + threadsB, vcpus);
      assertTrue(
          pair >= 0.9 * expected,
          platform.id() + ": pair " + pair + " core-s/s < 90 % of " + expected);
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<PlatformKind> platforms() {
    return net.jqwik.api.Arbitraries.of(
        PlatformKind.OPENVZ, PlatformKind.KVM, PlatformKind.XEN, PlatformKind.VMWARE);
  }
}
