package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import org.junit.jupiter.api.Test;

/**
 * The service as a real server: a bounded accept backlog, workers blocked in I/O after their client
 * gave up, and closed-loop clients whose throughput follows X = N / (Z + R). Every expected number
 * is worked out by hand in the test's comment from constant demands on a {@link FakeTenant} (CPU at
 * speed 1 on spare cores, network 1,000 ns per byte, no other delays).
 */
final class ServiceBacklogTest {

  private static WorkloadSpec.Service closedLoop(
      int clients,
      double thinkSeconds,
      double cpuSeconds,
      long networkBytes,
      int workers,
      int backlog,
      SimDuration timeout) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Closed(clients, new Distribution.Constant(thinkSeconds)),
        new WorkloadSpec.RequestSpec(new Distribution.Constant(cpuSeconds), 0, 0, networkBytes, 0),
        0,
        workers,
        backlog,
        timeout,
        SimDuration.ofSeconds(1),
        WorkloadSpec.Window.ALWAYS);
  }

  private static FakeTenant run(WorkloadSpec.Service service, int vcpus, double untilSeconds) {
    FakeTenant tenant = new FakeTenant(1, vcpus, 1.0, 0, 0, 1000, Long.MAX_VALUE, 100);
    new ServiceWorkload(service).start(tenant);
    tenant.simulation.runUntil(Math.round(untilSeconds * SimTime.SECOND));
    return tenant;
  }

  @Test
  void fullBacklog_rejectsTheArrivalAfterIt() {
    // Two workers, backlog 4, requests of 10 s CPU, clients thinking a constant 0.1 s: at t = 0.1
    // s every client arrives at once. With 2 + 4 clients, two are served and four wait: nothing
    // is refused. With 2 + 4 + 1 the seventh, the (B+1)-th arrival to find no worker free, is
    // refused; its client thinks 0.1 s and is refused again at 0.2 and 0.3 s (the workers are busy
    // until 10.1 s): by t = 0.35 s, 3 rejections, 7 + 2 = 9 arrivals, 6 requests in the system.
    SimDuration timeout = SimDuration.ofSeconds(3600);
    FakeTenant fits = run(closedLoop(6, 0.1, 10, 0, 2, 4, timeout), 2, 0.35);
    assertEquals(0, fits.recorder.rejected());
    assertEquals(6, fits.recorder.arrivals());
    assertEquals(6, fits.recorder.requestsInSystem());

    FakeTenant over = run(closedLoop(7, 0.1, 10, 0, 2, 4, timeout), 2, 0.35);
    assertEquals(3, over.recorder.rejected());
    assertEquals(9, over.recorder.arrivals());
    assertEquals(6, over.recorder.requestsInSystem());
    assertEquals(0, over.recorder.completed());
    assertEquals(0, over.recorder.failed());
    assertEquals(0, over.recorder.good());
  }

  @Test
  void timedOutRequest_holdsItsWorkerUntilItsIoReturns() {
    // One worker, two clients thinking 0.1 s, requests of 10 ms CPU then a 300 kB response sent at
    // 1,000 ns per byte (0.3 s), timeout 0.5 s.
    //   t = 0.10  A and B arrive; A is served (CPU to 0.11, send to 0.41), B waits.
    //   t = 0.41  A completes (latency 0.31 s); the worker takes B (CPU to 0.42, send to 0.72).
    //   t = 0.51  A's client is back; A2 waits.
    //   t = 0.60  B's deadline: B fails for its client, who thinks and is back at 0.70 (B2 waits);
    //             B's worker is blocked in its send until 0.72.
    //   t = 0.72  the worker takes A2 (CPU to 0.73, send to 1.03 > A2's deadline 1.01).
    // At t = 1.0: 1 completed, 1 failed, A2 and B2 in the system, 4 arrivals. Had the timeout freed
    // the worker at 0.60, A2 would have been served at once and completed at 0.91 (2 completed).
    FakeTenant tenant =
        run(closedLoop(2, 0.1, 0.010, 300_000, 1, 128, SimDuration.ofMillis(500)), 1, 1.0);
    assertEquals(1, tenant.recorder.completed());
    assertEquals(1, tenant.recorder.failed());
    assertEquals(2, tenant.recorder.requestsInSystem());
    assertEquals(4, tenant.recorder.arrivals());
    assertEquals(0, tenant.recorder.rejected());
  }

  @Test
  void closedLoop_losesTheThroughputThatNOverZPlusRPredicts() {
    // N = 4 clients, think Z = 0.9 s, each request a constant CPU demand on its own vCPU and
    // worker, so its response time R is exactly that demand. Each client completes one request
    // per Z + R, the first at Z + R: by T = 600.5 s, N floor(T / (Z + R)) requests.
    //   R = 0.1 s: 4 * floor(600.5 / 1.0) = 2400, X = 4 / 1.0 = 4.0/s
    //   R = 0.3 s: 4 * floor(600.5 / 1.2) = 2000, X = 4 / 1.2 = 3.33/s
    // The response time tripling costs 1 - 1.0 / 1.2 = 1/6 of the throughput, not 2/3: in a
    // closed loop the clients' think time dilutes it.
    SimDuration timeout = SimDuration.ofSeconds(60);
    FakeTenant fast = run(closedLoop(4, 0.9, 0.1, 0, 4, 128, timeout), 4, 600.5);
    FakeTenant slow = run(closedLoop(4, 0.9, 0.3, 0, 4, 128, timeout), 4, 600.5);
    assertEquals(2400, fast.recorder.completed());
    assertEquals(2000, slow.recorder.completed());
    assertEquals(100.0, fast.recorder.latency().meanMillis(), 1e-3);
    assertEquals(300.0, slow.recorder.latency().meanMillis(), 1e-3);
    double lost = 1 - (double) slow.recorder.completed() / fast.recorder.completed();
    assertEquals(1.0 / 6, lost, 1e-12);
  }
}
