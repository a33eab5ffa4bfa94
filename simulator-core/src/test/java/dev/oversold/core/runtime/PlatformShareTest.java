package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static dev.oversold.core.fixtures.Scenarios.service;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PlatformShareTest {
  @Test
  void xenDom0_isLimitedToItsVcpusAndWeighsLikeADomain() {
    // 4 cores, dom0 with 2 vCPUs (default) and weight 256 (= 1.0) running 4 backend threads.
    // With 2 one-vCPU hogs: ceilings 2 + 1 + 1 = 4 fit -> dom0 gets 2 cores, each hog 1.
    // With 6 hogs: 7 busy domains of weight 1 on 4 cores -> 4/7 each, dom0 included.
    for (int hogs : new int[] {2, 6}) {
      // long-run shares only: the wake-up model (start-up boosts at t = 0) is off
      var host =
          new HostRuntime(
              host("h", PlatformKind.XEN, 4, 1.0, Map.of("cpu-wakeup-delay", 0.0)),
              new Simulation());
      for (int i = 0; i < hogs; i++) {
        var tenant =
            new TenantRuntime(hog("g" + i, "h", plan(1), 1), host, new RandomStreams(1), 0);
        host.add(tenant);
        tenant.cpu().run(100, job -> {});
      }
      for (int i = 0; i < 4; i++) {
        host.runPlatformWork(100, job -> {});
      }
      host.simulation().runUntil(SimTime.SECOND);
      double expectedDom0 = hogs == 2 ? 2.0 : 4.0 / 7;
      assertEquals("h/dom0", host.platformShare().name());
      assertEquals(expectedDom0, host.platformShare().allocatedWork(), 1e-9, hogs + " hogs");
      assertEquals(
          hogs == 2 ? 1.0 : 4.0 / 7, host.tenants().get(0).cpuShare().allocatedWork(), 1e-9);
    }
  }

  @Test
  void sameScenarioTwice_givesIdenticalResults() {
    List<TenantSpec> tenants = new ArrayList<>();
    tenants.add(service("svc", "h", plan(2), 200, 0.004));
    tenants.add(hog("hog", "h", plan(1, 1, 0.7, 0, 256, Map.of()), 2));
    tenants.add(hog("hog2", "h", plan(2), 2));
    for (PlatformKind platform : Platforms.kinds()) {
      var scenario = scenario(5, List.of(host("h", platform, 2)), tenants);
      var first = Simulator.run(scenario);
      var second = Simulator.run(scenario);
      assertEquals(first.eventsRun(), second.eventsRun(), platform.id());
      for (int i = 0; i < tenants.size(); i++) {
        // metrics are records of numbers: equal means bit-identical
        assertEquals(
            first.tenants().get(i).metrics(), second.tenants().get(i).metrics(), platform.id());
      }
    }
  }
}
