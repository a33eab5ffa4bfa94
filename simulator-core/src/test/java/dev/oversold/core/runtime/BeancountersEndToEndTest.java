package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;
import static dev.oversold.core.fixtures.Scenarios.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.fixtures.Scenarios;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.BeancounterFigures;
import dev.oversold.core.result.TenantResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BeancountersEndToEndTest {
  private static BeancounterFigures counter(TenantResult tenant, String name) {
    return tenant.beancounters().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + tenant.beancounters()));
  }

  private static TenantResult runAlone(PlatformKind platform, TenantSpec tenant, long seconds) {
    var result = Simulator.run(scenario(seconds, List.of(host("h", platform, 2)), List.of(tenant)));
    return result.tenant(tenant.name());
  }

  @Test
  void forkBomb_isStoppedByKmemsizeAtTheComputedForkCount() {
    // kmemsize 1 MiB / 40 KiB per process = 25 forks (1024000 B); numproc (1000) never binds.
    // Every later attempt is a refusal, counted once in the bomb's refusals and once in failcnt.
    var plan = plan(1, 1.0, Double.POSITIVE_INFINITY, 0, 1000, Map.of("kmemsize", 1_048_576.0));
    var bomb =
        new TenantSpec(
            "bomb", "h", plan, new WorkloadSpec.ForkBomb(1000, 0, WorkloadSpec.Window.ALWAYS));
    TenantResult result = runAlone(PlatformKind.OPENVZ, bomb, 2);
    assertEquals(25, counter(result, "numproc").maxHeld());
    assertEquals(1_024_000, counter(result, "kmemsize").maxHeld());
    long failcnt = counter(result, "kmemsize").failCount();
    assertTrue(failcnt > 900, "about 2 s x 1000 forks/s - 25 refused, got " + failcnt);
    assertEquals(result.metrics().refusals(), failcnt);
    assertEquals(0, counter(result, "numproc").failCount());
  }

  @Test
  void memoryBomb_getsEnomemAtPrivvmpages_notAnOomKill() {
    // Steps of round(64 MiB/s x 10 ms / 4 KiB) = 164 pages = 671744 B. privvmpages 100 MiB =
    // 104857600 B holds floor(104857600 / 671744) = 156 steps = 104792064 B = 25584 pages; the
    // 157th step is refused (failcnt 1) and the bomb stops, far below the plan's 1 GiB RAM.
    var plan = plan(1, 1.0, Double.POSITIVE_INFINITY, 0, 256, Map.of("privvmpages", 104_857_600.0));
    var bomb =
        new TenantSpec(
            "bomb",
            "h",
            plan,
            new WorkloadSpec.MemoryBomb(64.0 * (1 << 20), WorkloadSpec.Window.ALWAYS));
    TenantResult result = runAlone(PlatformKind.OPENVZ, bomb, 5);
    BeancounterFigures privvm = counter(result, "privvmpages");
    assertEquals(25_584, privvm.maxHeld());
    assertEquals(1, privvm.failCount());
    assertEquals(25_600, privvm.barrier());
    assertEquals(1, result.metrics().refusals());
    assertEquals(0, result.metrics().oomKills());
  }

  @Test
  void service_connectionsPastNumtcpsockAreRejectedRequests() {
    // 100 requests/s of 1 s CPU on one vCPU: far more than 5 in the system at once, so the
    // sixth concurrent connection is refused; each refusal is one rejected request.
    var plan = plan(1, 1.0, Double.POSITIVE_INFINITY, 0, 256, Map.of("numtcpsock", 5.0));
    TenantResult result =
        runAlone(PlatformKind.OPENVZ, Scenarios.service("web", "h", plan, 100, 1), 5);
    BeancounterFigures sockets = counter(result, "numtcpsock");
    assertEquals(5, sockets.maxHeld());
    assertTrue(sockets.failCount() > 0);
    assertEquals(result.metrics().rejected(), sockets.failCount());
  }

  @Test
  void service_connectionsHoldTheirResponseInTcpsndbuf_andPastItAreRejected() {
    // 8 KiB responses: each open connection holds 8192 B of tcpsndbuf, so tcpsndbuf 80 KiB holds
    // 81920 / 8192 = 10 connections at most; 100 requests/s of 1 s CPU on one vCPU keep more than
    // 10 in the system, so the 11th is refused, and each refusal is one rejected request.
    var plan = plan(1, 1.0, Double.POSITIVE_INFINITY, 0, 256, Map.of("tcpsndbuf", 81_920.0));
    var request =
        new WorkloadSpec.RequestSpec(
            new dev.oversold.core.model.Distribution.Constant(1), 0, 0, 8192, 0);
    var web =
        new TenantSpec(
            "web",
            "h",
            plan,
            new WorkloadSpec.Service(
                new dev.oversold.core.model.ArrivalSpec.Poisson(100),
                request,
                0,
                64,
                64,
                dev.oversold.core.engine.SimDuration.ofSeconds(10),
                dev.oversold.core.engine.SimDuration.ofMillis(100),
                WorkloadSpec.Window.ALWAYS));
    TenantResult result = runAlone(PlatformKind.OPENVZ, web, 5);
    BeancounterFigures send = counter(result, "tcpsndbuf");
    assertEquals(81_920, send.maxHeld());
    // The 11th socket exists (numtcpsock, one receive packet) until its send buffer is refused,
    // as in the kernel, where the socket is created before its buffers are charged: maxheld 11.
    assertEquals(11, counter(result, "numtcpsock").maxHeld());
    assertEquals(11 * 2560, counter(result, "tcprcvbuf").maxHeld());
    assertEquals(0, counter(result, "numtcpsock").failCount());
    assertTrue(send.failCount() > 0);
    assertEquals(result.metrics().rejected(), send.failCount());
  }

  @Test
  void kvmTenants_reportNoBeancounters() {
    var plan = plan(1, 1.0, Double.POSITIVE_INFINITY, 0, 256, Map.of());
    TenantResult result =
        runAlone(PlatformKind.KVM, Scenarios.service("web", "h", plan, 10, 0.01), 1);
    assertTrue(result.beancounters().isEmpty());
  }

  private static TenantResult numtcpsockOneService(WorkloadSpec.Protocol protocol) {
    var plan = plan(1, 1.0, Double.POSITIVE_INFINITY, 0, 256, Map.of("numtcpsock", 1.0));
    var request =
        new WorkloadSpec.RequestSpec(
            new dev.oversold.core.model.Distribution.Constant(0.01), 0, 0, 0, 8192, 0, 0);
    var service =
        new WorkloadSpec.Service(
            new dev.oversold.core.model.ArrivalSpec.Poisson(50),
            request,
            0,
            dev.oversold.core.model.Skew.UNIFORM,
            null,
            64,
            64,
            dev.oversold.core.engine.SimDuration.ofSeconds(10),
            dev.oversold.core.engine.SimDuration.ofMillis(100),
            WorkloadSpec.Window.ALWAYS,
            1,
            protocol);
    return runAlone(PlatformKind.OPENVZ, new TenantSpec("dns", "h", plan, service), 5);
  }

  @Test
  void udpService_chargesNumothersockNotNumtcpsock() {
    // 50 requests/s of 10 ms CPU on one vCPU (half busy), numtcpsock 1. Over TCP every request
    // arriving while another is in the system is a second connection and is refused (at 50 %
    // load, about half of them). Over UDP the one server socket is numothersock's, each request
    // holds its 8 KiB response in othersockbuf and one 2,560 B buffer in dgramrcvbuf, and
    // numtcpsock is never touched, so nothing is refused.
    TenantResult tcp = numtcpsockOneService(WorkloadSpec.Protocol.TCP);
    assertTrue(tcp.metrics().rejected() > 0);
    assertEquals(tcp.metrics().rejected(), counter(tcp, "numtcpsock").failCount());

    TenantResult udp = numtcpsockOneService(WorkloadSpec.Protocol.UDP);
    assertEquals(0, udp.metrics().rejected());
    assertEquals(0, counter(udp, "numtcpsock").maxHeld());
    assertEquals(0, counter(udp, "numtcpsock").failCount());
    assertEquals(1, counter(udp, "numothersock").maxHeld());
    long inSystem = counter(udp, "othersockbuf").maxHeld() / 8192;
    assertTrue(inSystem >= 2, "requests at once: " + inSystem);
    assertEquals(8192 * inSystem, counter(udp, "othersockbuf").maxHeld());
    assertEquals(2560 * inSystem, counter(udp, "dgramrcvbuf").maxHeld());
  }
}
