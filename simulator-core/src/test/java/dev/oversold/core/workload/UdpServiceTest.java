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
 * {@code protocol: udp}: a request and its response are one datagram each, and a lost one is not
 * sent again. Worked out by hand on a {@link FakeTenant} whose network takes no time and loses the
 * datagrams the test names (counted from 1 in the order they are sent or received): 10 ms of CPU a
 * request, a 1 B response, closed-loop clients thinking 0.1 s, one worker, a 40 ms timeout, an SLO
 * of 50 ms.
 */
final class UdpServiceTest {
  private static WorkloadSpec.Service service(int clients, WorkloadSpec.Protocol protocol) {
    return new WorkloadSpec.Service(
        new ArrivalSpec.Closed(clients, new Distribution.Constant(0.1)),
        new WorkloadSpec.RequestSpec(new Distribution.Constant(0.01), 0, 0, 0, 1, 0, 0),
        0,
        Skew.UNIFORM,
        null,
        1,
        WorkloadSpec.Service.DEFAULT_BACKLOG,
        SimDuration.ofMillis(40),
        SimDuration.ofMillis(50),
        WorkloadSpec.Window.ALWAYS,
        1,
        protocol);
  }

  private static FakeTenant tenant(long lost) {
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, 0, 0, Long.MAX_VALUE, 100);
    tenant.datagramLost = n -> n == lost;
    return tenant;
  }

  @Test
  void aLostRequest_freesItsWorkerAtOnce_andFailsAtItsTimeout() {
    // Two clients send at 0.10 s; the first request takes the one worker and its datagram (#1)
    // is lost, so the server never sees it and the worker takes the second request (#2) at once:
    // CPU until 0.11 s, its response (#3) arrives, 10 ms, good. The first fails at 0.14 s. By
    // 0.145 s: 1 completed, 1 good, 1 failed. A worker held by the lost request until its
    // timeout would have served the second from 0.14 s, which would not have completed by then.
    FakeTenant tenant = tenant(1);
    new ServiceWorkload(service(2, WorkloadSpec.Protocol.UDP)).start(tenant);
    tenant.simulation.runUntil(145 * SimTime.MILLISECOND);
    assertEquals(1, tenant.recorder.completed());
    assertEquals(1, tenant.recorder.good());
    assertEquals(1, tenant.recorder.failed());
    assertEquals(3, tenant.datagrams);
  }

  @Test
  void aLostResponse_isNotSentAgain_theRequestFailsAtItsTimeout() {
    // One client. Request 1 (#1) is served 0.10-0.11 s and its response (#2) is lost: the client
    // waits until its timeout at 0.14 s (failed), thinks until 0.24 s, and request 2 (#3, #4) is
    // served 0.24-0.25 s: good. By 0.26 s: 1 completed, 1 good, 1 failed, 4 datagrams. TCP would
    // send the response again (no loss in this fake network: both complete, 2 good).
    FakeTenant udp = tenant(2);
    new ServiceWorkload(service(1, WorkloadSpec.Protocol.UDP)).start(udp);
    udp.simulation.runUntil(260 * SimTime.MILLISECOND);
    assertEquals(1, udp.recorder.completed());
    assertEquals(1, udp.recorder.good());
    assertEquals(1, udp.recorder.failed());
    assertEquals(4, udp.datagrams);

    FakeTenant tcp = tenant(2);
    new ServiceWorkload(service(1, WorkloadSpec.Protocol.TCP)).start(tcp);
    tcp.simulation.runUntil(260 * SimTime.MILLISECOND);
    assertEquals(2, tcp.recorder.completed());
    assertEquals(0, tcp.datagrams);
  }
}
