package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import org.junit.jupiter.api.Test;

/**
 * A tenant refused or killed during the warm-up is reported as such, with the instant of the first
 * event, not as one that merely did nothing in the measured window. Expected figures are worked out
 * by hand from constant demands on a {@link FakeTenant} with a 10 s warm-up.
 */
final class EventsBeforeTheWindowTest {
  private static final long WARMUP = 10 * SimTime.SECOND;

  @Test
  void refusalDuringTheWarmup_isCountedWithItsInstant() {
    // 200 MiB/s in steps of 2 MiB every 10 ms, the first at 0 s, against a 100 MiB limit: steps
    // at 0, 0.01, ..., 0.49 s (50 of them, 100 MiB) fit; the 51st, at 0.50 s, is refused.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, WARMUP, 0, 0, 100L << 20, 100);
    new MemoryBombWorkload(
            new WorkloadSpec.MemoryBomb(200.0 * (1 << 20), WorkloadSpec.Window.ALWAYS))
        .start(tenant);
    tenant.simulation.runUntil(20 * SimTime.SECOND);
    assertEquals(1, tenant.recorder.refusals());
    assertEquals(500 * SimTime.MILLISECOND, tenant.recorder.firstRefusalNanos());
    assertEquals(-1, tenant.recorder.firstOomKillNanos());
  }

  @Test
  void tenantKilledDuringTheWarmup_reportsTheKillAndTheRequestsItAbandoned() {
    // One worker, three clients thinking 0.1 s, requests of 10 s CPU: at 0.1 s one request is in
    // service and two wait. The OOM killer ends the tenant at 5 s, inside the warm-up: one kill
    // at 5 s, and the three requests it abandons fail. Nothing arrives in the window.
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Closed(3, new Distribution.Constant(0.1)),
            new WorkloadSpec.RequestSpec(new Distribution.Constant(10), 0, 0, 0, 0),
            0,
            1,
            SimDuration.ofSeconds(60),
            SimDuration.ofSeconds(1),
            WorkloadSpec.Window.ALWAYS);
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, WARMUP);
    ServiceWorkload workload = new ServiceWorkload(service);
    workload.start(tenant);
    tenant.simulation.schedule(
        5 * SimTime.SECOND,
        () -> {
          // what Guest.kill does for each tenant of the guest: record the kill, then stop the
          // workload
          tenant.recorder.oomKilled();
          workload.stop();
        });
    tenant.simulation.runUntil(20 * SimTime.SECOND);
    assertEquals(1, tenant.recorder.oomKills());
    assertEquals(5 * SimTime.SECOND, tenant.recorder.firstOomKillNanos());
    assertEquals(3, tenant.recorder.failed());
    assertEquals(0, tenant.recorder.arrivals());
    assertEquals(0, tenant.recorder.completed());
    assertEquals(0, tenant.recorder.requestsInSystem());
  }

  @Test
  void timeoutDuringTheWarmup_isStillOutsideTheWindow() {
    // The window rule holds for everything else: one client thinking 0.1 s, requests of 10 s CPU
    // and a 1 s timeout (a computing worker is freed at once): arrivals at 0.1 + 1.1 k s, time-outs
    // at 1.1, 2.2, ..., 9.9 s, nine of them, all inside the warm-up: none is counted by 10 s.
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Closed(1, new Distribution.Constant(0.1)),
            new WorkloadSpec.RequestSpec(new Distribution.Constant(10), 0, 0, 0, 0),
            0,
            1,
            SimDuration.ofSeconds(1),
            SimDuration.ofSeconds(1),
            WorkloadSpec.Window.ALWAYS);
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, WARMUP);
    new ServiceWorkload(service).start(tenant);
    tenant.simulation.runUntil(10 * SimTime.SECOND);
    assertEquals(0, tenant.recorder.failed());
  }
}
