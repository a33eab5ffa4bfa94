package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.testkit.Specs;
import org.junit.jupiter.api.Test;

/** A service's cost estimate counts its access-log appends. Figures worked out by hand. */
final class ServiceCostTest {
  private static WorkloadSpec.Service web(long logAppendBytes) {
    // 20 requests/s, one disk read in five, a 20 KiB response: the Matthews webs.
    return new WorkloadSpec.Service(
        new ArrivalSpec.Poisson(20),
        new WorkloadSpec.RequestSpec(
            new Distribution.Exponential(0.006), 0.2, 0, 0, 20 * 1024, 0, logAppendBytes),
        0,
        32,
        SimDuration.ofSeconds(5),
        SimDuration.ofMillis(200),
        WorkloadSpec.Window.ALWAYS);
  }

  @Test
  void aLogAppend_isOneMoreDiskOperationPerRequest() {
    // 20/s x (8 per request + 16 for the network + 4 per disk operation x (0.2 reads + 1 append))
    // = 20 x 28.8 = 576 events/s; without the log 20 x (8 + 16 + 4 x 0.2) = 496.
    var host = Specs.host("h", "openvz", 8L << 30, 0, java.util.Map.of());
    assertEquals(1.2, ServiceCost.diskOpsPerRequest(web(200)), 1e-12);
    assertEquals(576, ServiceCost.MODEL.eventsPerSecond().applyAsDouble(web(200), host), 1e-9);
    assertEquals(496, ServiceCost.MODEL.eventsPerSecond().applyAsDouble(web(0), host), 1e-9);
  }
}
