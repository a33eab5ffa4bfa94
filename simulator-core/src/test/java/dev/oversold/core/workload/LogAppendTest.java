package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import org.junit.jupiter.api.Test;

/**
 * A request's access-log append happens after its response and holds its worker until the write
 * returns. Figures worked out by hand on a {@link FakeTenant} whose every disk call takes 50 ms.
 */
final class LogAppendTest {
  @Test
  void logLine_isWrittenAfterTheResponse_andHoldsTheWorker() {
    // One worker, two closed-loop clients thinking 0.1 s, 10 ms of CPU per request, a 200 B log
    // line that takes 50 ms to write. At 0.10 s both clients ask; A is served, B waits. A's
    // response leaves at 0.11 s (latency 10 ms, within the 50 ms SLO), then its worker writes the
    // log until 0.16 s. Only then does B get the worker: its response leaves at 0.17 s, latency
    // 70 ms, past the SLO. So by 0.175 s: 2 completed, 1 good, 2 log writes started. Writing the
    // log before the response would make A 60 ms (0 good); freeing the worker at the response
    // would make B 20 ms (2 good).
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Closed(2, new Distribution.Constant(0.1)),
            new WorkloadSpec.RequestSpec(new Distribution.Constant(0.01), 0, 0, 0, 0, 0, 200),
            0,
            1,
            SimDuration.ofSeconds(60),
            SimDuration.ofMillis(50),
            WorkloadSpec.Window.ALWAYS);
    FakeTenant tenant =
        new FakeTenant(1, 1, 1.0, 0, 50 * SimTime.MILLISECOND, 0, Long.MAX_VALUE, 100);
    new ServiceWorkload(service).start(tenant);
    tenant.simulation.runUntil(175 * SimTime.MILLISECOND);
    assertEquals(2, tenant.recorder.completed());
    assertEquals(1, tenant.recorder.good());
    assertEquals(2, tenant.diskOperations);
  }
}
