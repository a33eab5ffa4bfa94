package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MemoryDeterminismTest {
  private static List<Object> fingerprint(SimulationResult result) {
    List<Object> values = new ArrayList<>();
    values.add(result.eventsRun());
    for (TenantResult tenant : result.tenants()) {
      var m = tenant.metrics();
      values.add(tenant.name());
      values.add(m.memory().majorFaults());
      values.add(m.memory().residentBytes());
      values.add(m.memory().swappedBytes());
      values.add(m.oomKills());
      values.add(m.failed());
      values.add(m.progressPerSecond());
    }
    return values;
  }

  @Test
  void sameScenarioAndSeed_giveIdenticalMemoryOutcomes() {
    // KVM with host swapping and an OOM-killed bomb: faults are random draws, so this checks
    // that they come only from the seeded per-tenant streams.
    var scenario =
        MemoryOversellHarnessTest.scenario(
            "kvm",
            Map.of("host-reserved", 512.0 * MemoryOversellHarnessTest.MIB, "vm-overhead", 0.0),
            Map.of());
    assertEquals(
        fingerprint(MemoryOversellHarnessTest.run(scenario)),
        fingerprint(MemoryOversellHarnessTest.run(scenario)));
  }
}
