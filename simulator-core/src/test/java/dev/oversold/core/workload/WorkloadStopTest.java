package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Workload#stop()} is what a kill (OOM) does: afterwards the workload issues nothing, uses
 * no CPU, and has given back what it held.
 */
final class WorkloadStopTest {
  private static final long S = SimTime.SECOND;

  @Test
  void service_stopFailsInFlightRequestsAndGoesQuiet() {
    // A closed loop of 3 clients with no think time on one worker asking 1 s each: at 2.5 s one
    // request is in service (the third, half done) and two are queued. Stop fails all three,
    // frees the 64 MiB working set, and the CPU goes idle.
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Closed(3, new Distribution.Constant(0)),
            new WorkloadSpec.RequestSpec(new Distribution.Constant(1.0), 0, 0, 0, 0),
            64L << 20,
            1,
            SimDuration.ofSeconds(100),
            SimDuration.ofSeconds(100),
            WorkloadSpec.Window.ALWAYS);
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    ServiceWorkload workload = new ServiceWorkload(service);
    workload.start(tenant);
    tenant.simulation.runUntil(2 * S + S / 2);
    assertEquals(64L << 20, tenant.memoryBytes);
    assertEquals(2, tenant.recorder.completed());
    assertEquals(3, tenant.recorder.requestsInSystem());
    workload.stop();
    assertEquals(3, tenant.recorder.failed());
    assertEquals(0, tenant.recorder.requestsInSystem());
    assertEquals(0, tenant.memoryBytes);
    assertEquals(0, tenant.cpuShare.jobCount());
    double used = tenant.cpuShare.allocatedWork();
    tenant.simulation.runUntil(10 * S);
    // Nothing more: no arrivals, completions or CPU after the stop.
    assertEquals(2, tenant.recorder.completed());
    assertEquals(3, tenant.recorder.failed());
    assertEquals(2.5, used, 1e-9);
    assertEquals(used, tenant.cpuShare.allocatedWork(), 1e-12);
    assertEquals(0, tenant.simulation.pendingEvents());
  }

  @Test
  void service_timesOutQueuedAndServedRequestsAtTheirDeadlines() {
    // 3 clients thinking 50 ms, one worker, 0.8 s of CPU each, timeout 1 s. A, B, C arrive at
    // 0.05 s (deadline 1.05). A runs 0.05-0.85 and completes (0.8 s); its client sends D at 0.9
    // (deadline 1.9). B runs from 0.85 and times out at 1.05 after 0.2 s of CPU; C, still
    // queued, times out at 1.05 too, with no CPU. D runs 1.05-1.85 and completes (0.95 s). E and
    // F (B's and C's clients) arrive at 1.1; E runs from 1.85. At 2.0 s: 2 completed, 2 failed,
    // CPU 0.8 + 0.2 + 0.8 + 0.15 = 1.95 s, latencies 800 and 950 ms.
    var service =
        TestScenarios.cpuService(
            new ArrivalSpec.Closed(3, new Distribution.Constant(0.05)),
            new Distribution.Constant(0.8),
            1,
            SimDuration.ofSeconds(1));
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    new ServiceWorkload(service).start(tenant);
    tenant.simulation.runUntil(2 * S);
    assertEquals(2, tenant.recorder.completed());
    assertEquals(2, tenant.recorder.failed());
    assertEquals(1.95, tenant.cpuShare.allocatedWork(), 1e-9);
    assertEquals(800.0, tenant.recorder.latency().minMillis(), 1e-6);
    assertEquals(950.0, tenant.recorder.latency().maxMillis(), 1e-6);
    assertEquals(3, tenant.recorder.requestsInSystem());
  }

  @Test
  void service_stoppedBeforeItsStartNeverRuns() {
    var service =
        TestScenarios.cpuService(
            new ArrivalSpec.Poisson(100),
            new Distribution.Exponential(0.001),
            4,
            SimDuration.ofSeconds(1));
    var late =
        new WorkloadSpec.Service(
            service.arrivals(),
            service.request(),
            1 << 20,
            4,
            service.timeout(),
            service.slo(),
            TestScenarios.window(5, 10));
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    ServiceWorkload workload = new ServiceWorkload(late);
    workload.start(tenant);
    tenant.simulation.runUntil(S);
    workload.stop();
    tenant.simulation.runUntil(20 * S);
    assertEquals(0, tenant.recorder.arrivals());
    assertEquals(0, tenant.memoryBytes);
  }

  @Test
  void batch_stopKillsRunningThreads() {
    // Two jobs of 4 core-seconds on 2 threads each, on 2 vCPUs: at 1 s both have 3 left; stop
    // cancels all four threads, no job completes, and the run end counts both as failed.
    var jobs =
        List.of(
            new WorkloadSpec.BatchJob(SimDuration.ZERO, 4, 2),
            new WorkloadSpec.BatchJob(SimDuration.ZERO, 4, 2));
    FakeTenant tenant = new FakeTenant(1, 2, 1.0, 0);
    BatchWorkload workload =
        new BatchWorkload(
            new WorkloadSpec.Batch(new WorkloadSpec.JobList(jobs), WorkloadSpec.Window.ALWAYS));
    workload.start(tenant);
    tenant.simulation.runUntil(S);
    workload.stop();
    assertEquals(0, tenant.cpuShare.jobCount());
    tenant.simulation.runUntil(20 * S);
    workload.runEnded();
    assertEquals(0, tenant.recorder.jobsCompleted());
    assertEquals(2, tenant.recorder.failed());
    assertEquals(2.0, tenant.cpuShare.allocatedWork(), 1e-9);
  }

  @Test
  void memoryBomb_stopFreesWhatItAllocated() {
    // 100 MiB/s in 1 MiB steps from t = 0: steps at 0, 10, ..., 990 ms hold 100 MiB at 0.995 s.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0);
    var bomb =
        new MemoryBombWorkload(
            new WorkloadSpec.MemoryBomb(100.0 * (1 << 20), WorkloadSpec.Window.ALWAYS));
    bomb.start(tenant);
    tenant.simulation.runUntil(995 * SimTime.MILLISECOND);
    assertEquals(100L << 20, tenant.memoryBytes);
    bomb.stop();
    assertEquals(0, tenant.memoryBytes);
    tenant.simulation.runUntil(5 * S);
    assertEquals(0, tenant.memoryBytes);
    assertEquals(100.0 * (1 << 20), tenant.recorder.progress(), 1e-6);
  }

  @Test
  void forkBomb_stopEndsItsProcessesAndForksNoMore() {
    // 1000 forks/s in 1 ms steps against a table of 50: full after 50 ms; at 0.1005 s, 101
    // attempts (0, 1, ..., 100 ms) of which 51 refused.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, 0, 0, Long.MAX_VALUE, 50);
    var bomb =
        new ForkBombWorkload(new WorkloadSpec.ForkBomb(1000, 1 << 20, WorkloadSpec.Window.ALWAYS));
    bomb.start(tenant);
    tenant.simulation.runUntil(100 * SimTime.MILLISECOND + SimTime.MILLISECOND / 2);
    assertEquals(50, tenant.processes);
    assertEquals(51, tenant.recorder.refusals());
    bomb.stop();
    assertEquals(0, tenant.processes);
    tenant.simulation.runUntil(S);
    assertEquals(0, tenant.processes);
    assertEquals(51, tenant.recorder.refusals());
  }

  @Test
  void diskHogAndNetFlood_issueNothingAfterStop() {
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, 100_000, 8, Long.MAX_VALUE, 10);
    var disk =
        new DiskHogWorkload(
            new WorkloadSpec.DiskHog(
                2, WorkloadSpec.DiskPattern.RANDOM_READ, 4096, WorkloadSpec.Window.ALWAYS));
    var net =
        new NetFloodWorkload(
            new WorkloadSpec.NetFlood(
                WorkloadSpec.Direction.TRANSMIT, 1e6, 1000, WorkloadSpec.Window.ALWAYS));
    disk.start(tenant);
    net.start(tenant);
    tenant.simulation.runUntil(S);
    disk.stop();
    net.stop();
    long operations = tenant.diskOperations;
    long bytes = tenant.networkBytes;
    double progress = tenant.recorder.progress();
    assertTrue(operations > 0 && bytes > 0);
    tenant.simulation.runUntil(10 * S);
    assertEquals(operations, tenant.diskOperations);
    assertEquals(bytes, tenant.networkBytes);
    // Operations in flight at the stop complete on the device but count for nobody.
    assertEquals(progress, tenant.recorder.progress());
    assertEquals(0, tenant.simulation.pendingEvents());
  }

  @Test
  void memoryBomb_killedInsideItsOwnAllocationLeavesNothingBehind() {
    // Limit 10 MiB, steps of 1 MiB: the 11th allocation (at 100 ms) is granted and then
    // triggers the OOM kill, which calls stop() from inside allocate(). All 11 MiB must be given
    // back and nothing scheduled afterwards; the kill is not a refusal.
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, 0, 0, 10L << 20, 10);
    var bomb =
        new MemoryBombWorkload(
            new WorkloadSpec.MemoryBomb(100.0 * (1 << 20), WorkloadSpec.Window.ALWAYS));
    tenant.oomKill = bomb::stop;
    bomb.start(tenant);
    tenant.simulation.runUntil(S);
    assertEquals(0, tenant.memoryBytes);
    assertEquals(0, tenant.recorder.refusals());
    assertEquals(0, tenant.simulation.pendingEvents());
  }

  @Test
  void service_killedByItsWorkingSetAllocationNeverServes() {
    // A 64 MiB working set over a 32 MiB limit: the allocation at start gets the tenant killed.
    var service =
        new WorkloadSpec.Service(
            new ArrivalSpec.Poisson(100),
            new WorkloadSpec.RequestSpec(new Distribution.Constant(0.001), 0, 0, 0, 0),
            64L << 20,
            1,
            SimDuration.ofSeconds(1),
            SimDuration.ofSeconds(1),
            WorkloadSpec.Window.ALWAYS);
    FakeTenant tenant = new FakeTenant(1, 1, 1.0, 0, 0, 0, 32L << 20, 10);
    ServiceWorkload workload = new ServiceWorkload(service);
    tenant.oomKill = workload::stop;
    workload.start(tenant);
    tenant.simulation.runUntil(S);
    assertEquals(0, tenant.memoryBytes);
    assertEquals(0, tenant.recorder.arrivals());
    assertEquals(0, tenant.simulation.pendingEvents());
  }
}
