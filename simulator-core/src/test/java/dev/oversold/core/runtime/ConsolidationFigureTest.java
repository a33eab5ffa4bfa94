package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.kvm.KvmPlatform;
import dev.oversold.core.platform.xen.XenCreditCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The closing-note figure: 1..16 CPU-bound single-vCPU tenants (cpu-hog, 1 thread) on 4 cores under
 * KVM and Xen. Fair sharing gives each min(1, 4/N) cores, less the platform's overhead, and the
 * aggregate must not collapse at any guest count. Prints the table it checks.
 */
final class ConsolidationFigureTest {
  private static final int CORES = 4;
  private static final long SECONDS = 10;

  @Test
  void progress_isFairAndTheAggregateHoldsFrom1To16Guests() {
    StringBuilder table = new StringBuilder();
    table.append(
        "platform guests used-cores/tenant progress/tenant(min..max) fair-less-overhead"
            + " aggregate-progress expected steal\n");
    for (PlatformKind platform : List.of(PlatformKind.KVM, PlatformKind.XEN)) {
      double efficiency =
          platform == PlatformKind.KVM ? KvmPlatform.CPU_EFFICIENCY : XenCreditCpu.CPU_EFFICIENCY;
      for (int n = 1; n <= 16; n++) {
        List<TenantSpec> tenants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          tenants.add(hog("g" + i, "h", plan(1), 1));
        }
        // 1 s warm-up: a guest that starts on a saturated host first runs boosted on its credit
        var result =
            Simulator.run(scenario(SECONDS + 1, 1, List.of(host("h", platform, CORES)), tenants));
        double share = Math.min(1.0, (double) CORES / n);
        double expected = share * efficiency;
        double min = Double.MAX_VALUE;
        double max = 0;
        double aggregate = 0;
        for (int i = 0; i < n; i++) {
          double progress = result.tenant("g" + i).metrics().progressPerSecond();
          // progress is counted in 0.05 core-s chunks: within one chunk over the 10 s run
          assertEquals(
              expected, progress, (0.05 + 1e-9) / SECONDS, platform + " n=" + n + " g" + i);
          min = Math.min(min, progress);
          max = Math.max(max, progress);
          aggregate += progress;
        }
        double steal = result.tenant("g0").metrics().cpu().stealFraction();
        double used = result.tenant("g0").metrics().cpu().usedCoreSeconds() / SECONDS;
        assertEquals(share, used, 1e-9);
        assertEquals(1 - share, steal, 1e-9);
        assertEquals(Math.min(n, CORES) * efficiency, aggregate, n * (0.05 + 1e-9) / SECONDS);
        table.append(
            String.format(
                Locale.ROOT,
                "%-8s %6d %9.4f %8.4f..%-8.4f %8.4f %9.4f %8.4f %6.3f%n",
                platform,
                n,
                used,
                min,
                max,
                expected,
                aggregate,
                Math.min(n, CORES) * efficiency,
                steal));
      }
    }
    System.out.print(table);
  }
}
