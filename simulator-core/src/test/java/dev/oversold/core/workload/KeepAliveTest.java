package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.Skew;
import dev.oversold.core.model.WorkloadSpec;
import org.junit.jupiter.api.Test;

/**
 * Persistent connections ({@code keep-alive}): the worker that accepted a connection serves every
 * request on it, so a request waits for that worker's log append of the previous one. Figures
 * worked out by hand on a {@link FakeTenant} whose every disk call takes 50 ms: 10 ms of CPU per
 * request, a 200 B log line (50 ms), an SLO of 50 ms, one closed-loop client thinking 0.1 s.
 */
final class KeepAliveTest {
  private static WorkloadSpec.Service service(int workers, int keepAlive, SimDuration timeout) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Closed(1, new Distribution.Constant(0.1)),
        new WorkloadSpec.RequestSpec(new Distribution.Constant(0.01), 0, 0, 0, 0, 0, 200),
        0,
        Skew.UNIFORM,
        null,
        workers,
        WorkloadSpec.Service.DEFAULT_BACKLOG,
        timeout,
        SimDuration.ofMillis(50),
        WorkloadSpec.Window.ALWAYS,
        keepAlive);
  }

  private static FakeTenant tenant() {
    return new FakeTenant(1, 1, 1.0, 0, 50 * SimTime.MILLISECOND, 0, Long.MAX_VALUE, 100);
  }

  @Test
  void eachRequestAfterTheFirst_waitsForItsWorkersLogAppend() {
    // keep-alive 3, one worker. At 0.10 s the client connects and sends request 1: CPU until
    // 0.11 s, latency 10 ms (good); it sends request 2 at once, but the worker writes its log
    // line until 0.16 s, then computes until 0.17 s: latency 60 ms (not good). Request 3 is sent
    // at 0.17 s and served 0.22-0.23 s: 60 ms again. Then the connection closes, the worker logs
    // until 0.28 s and the client thinks until 0.33 s. So by 0.25 s: 3 completed, 1 good, 3 log
    // writes started. A worker freed at the response would make all three good (3); a client
    // that thinks between requests would have completed 1.
    FakeTenant tenant = tenant();
    new ServiceWorkload(service(1, 3, SimDuration.ofSeconds(60))).start(tenant);
    tenant.simulation.runUntil(250 * SimTime.MILLISECOND);
    assertEquals(3, tenant.recorder.completed());
    assertEquals(1, tenant.recorder.good());
    assertEquals(3, tenant.diskOperations);
  }

  @Test
  void aFollowUpRequest_keepsItsConnectionsWorker_evenWithAnotherWorkerIdle() {
    // keep-alive 2, two workers. Request 1 is served 0.10-0.11 s (good); request 2, sent at 0.11
    // s, is read by the same worker after its log write (0.16 s), although the second worker is
    // idle: it completes at 0.17 s, 60 ms, not good. By 0.175 s: 2 completed, 1 good. Handing it
    // to the idle worker would complete it at 0.12 s (2 good).
    FakeTenant tenant = tenant();
    new ServiceWorkload(service(2, 2, SimDuration.ofSeconds(60))).start(tenant);
    tenant.simulation.runUntil(175 * SimTime.MILLISECOND);
    assertEquals(2, tenant.recorder.completed());
    assertEquals(1, tenant.recorder.good());
  }

  @Test
  void aFollowUpThatTimesOutWaiting_closesTheConnection_andTheWorkerGoesFree() {
    // keep-alive 2, one worker, a 40 ms timeout. Request 1: 0.10-0.11 s, complete. Request 2 is
    // sent at 0.11 s and times out at 0.15 s while the worker still writes its log (until 0.16
    // s): it fails, its connection closes and the client thinks from 0.15 s, so its next
    // connection opens at 0.25 s. The worker, back at 0.16 s, finds the request gone and is free
    // for it: request 1 of the second connection runs 0.25-0.26 s, and its request 2, sent at
    // 0.26 s, waits for the log write. By 0.27 s: 4 arrivals = 2 completed + 1 failed + 1 in the
    // system (none lost or counted twice), and 2 log writes (one per completed request).
    FakeTenant tenant = tenant();
    new ServiceWorkload(service(1, 2, SimDuration.ofMillis(40))).start(tenant);
    tenant.simulation.runUntil(270 * SimTime.MILLISECOND);
    assertEquals(2, tenant.recorder.completed());
    assertEquals(1, tenant.recorder.failed());
    assertEquals(4, tenant.recorder.arrivals());
    assertEquals(1, tenant.recorder.requestsInSystem());
    assertEquals(2, tenant.diskOperations);
  }
}
