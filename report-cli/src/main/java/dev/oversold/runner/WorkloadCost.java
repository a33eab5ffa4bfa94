package dev.oversold.runner;

import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;

/**
 * What one tenant's workload costs a simulation: events per simulated second while it runs, and
 * bytes it holds. Each figure follows the workload's mechanism (the constants it is paced by in
 * {@code dev.oversold.core.workload}) and is an upper estimate, checked against the events the
 * bundled scenarios really run ({@code CostEstimateTest}).
 */
final class WorkloadCost {
  /**
   * Events of one request besides its disk operations: arrival, CPU admission and completion,
   * network send and delivery, timeout timer, memory touch. Calibrated on the bundled services.
   */
  static final double EVENTS_PER_REQUEST = 8;

  /** Events of one disk operation: issue, throttle slice, device completion, writeback. */
  static final double EVENTS_PER_DISK_OP = 4;

  /** A waiting request or a closed-loop client: the request object, its timers and queue slot. */
  static final long BYTES_PER_REQUEST = 512;

  /** A batch job: its record, CPU job and completion event. */
  static final long BYTES_PER_JOB = 256;

  /** A forked process in the kernel table. */
  static final long BYTES_PER_PROCESS = 64;

  /** CPU hog chunk, {@code CpuHogWorkload.CHUNK}: 0.05 reference-core-seconds per event. */
  static final double HOG_CHUNK_SECONDS = 0.05;

  /** Memory bomb step, {@code MemoryBombWorkload.STEP_SECONDS}. */
  static final double BOMB_STEP_SECONDS = 0.01;

  /** Largest network flood burst, {@code NetFloodWorkload.MAX_BURST_BYTES}. */
  static final double FLOOD_MAX_BURST_BYTES = 256 * 1024;

  /** Network flood burst spacing, {@code NetFloodWorkload.BURST_SECONDS}. */
  static final double FLOOD_BURST_SECONDS = 0.01;

  /** Events of one flood burst: the pacing tick, the transfer's completion, its delivery. */
  static final double EVENTS_PER_BURST = 4;

  /** Fork bomb pacing, {@code ForkBombWorkload.MIN_STEP_NANOS}: at most 1000 steps a second. */
  static final double FORK_STEPS_PER_SECOND = 1000;

  /** Disk hog run, {@code DiskHogWorkload.RUN_BYTES}: a sequential stream moves 256 KiB per op. */
  static final double HOG_RUN_BYTES = 256 * 1024;

  private WorkloadCost() {}

  /** Events per simulated second while the workload runs; work items count as events. */
  static double eventsPerSecond(TenantSpec tenant, HostSpec host) {
    WorkloadSpec workload = tenant.workload();
    if (workload instanceof WorkloadSpec.Service service) {
      double perRequest =
          EVENTS_PER_REQUEST
              + EVENTS_PER_DISK_OP
                  * (service.request().diskReads() + service.request().diskWrites());
      return peakRate(service) * perRequest;
    }
    if (workload instanceof WorkloadSpec.CpuHog hog) {
      return hog.threads() * host.cpu().speed() / HOG_CHUNK_SECONDS;
    }
    if (workload instanceof WorkloadSpec.MemoryBomb) {
      return 1 / BOMB_STEP_SECONDS;
    }
    if (workload instanceof WorkloadSpec.ForkBomb bomb) {
      // every attempt is work, created or refused, paced at most 1000 steps a second
      return Math.max(bomb.forksPerSecond(), FORK_STEPS_PER_SECOND);
    }
    if (workload instanceof WorkloadSpec.DiskHog hog) {
      double bytes = hog.pattern().isSequential() ? HOG_RUN_BYTES : hog.blockBytes();
      double ops = Math.min(host.disk().iops(), host.disk().bandwidthBytesPerSecond() / bytes);
      return EVENTS_PER_DISK_OP * Math.max(ops, hog.threads());
    }
    if (workload instanceof WorkloadSpec.NetFlood flood) {
      // NetFloodWorkload: a burst of whole packets every 10 ms, at most 256 KiB, at least one
      // packet; rounding down to whole packets only makes bursts smaller and more frequent.
      double burstBytes =
          Math.min(flood.bytesPerSecond() * FLOOD_BURST_SECONDS, FLOOD_MAX_BURST_BYTES);
      double packets = Math.max(1, Math.floor(burstBytes / flood.packetBytes()));
      double bursts = flood.bytesPerSecond() / (packets * flood.packetBytes());
      return EVENTS_PER_BURST * bursts;
    }
    return 0; // idle; batch jobs are counted whole, see eventsInAll
  }

  /** Events that do not depend on the run's length (batch jobs). */
  static double eventsInAll(TenantSpec tenant) {
    if (tenant.workload() instanceof WorkloadSpec.Batch batch) {
      return EVENTS_PER_REQUEST * jobs(batch);
    }
    return 0;
  }

  /** Bytes the workload holds at its peak, beyond the tenant's fixed share. */
  static double bytes(TenantSpec tenant) {
    WorkloadSpec workload = tenant.workload();
    if (workload instanceof WorkloadSpec.Service service) {
      if (service.arrivals() instanceof ArrivalSpec.Closed closed) {
        return (double) closed.clients() * BYTES_PER_REQUEST;
      }
      // requests in the system: at most those arriving within one timeout (then they fail)
      return peakRate(service) * service.timeout().seconds() * BYTES_PER_REQUEST;
    }
    if (workload instanceof WorkloadSpec.Batch batch) {
      return jobs(batch) * BYTES_PER_JOB;
    }
    if (workload instanceof WorkloadSpec.ForkBomb) {
      return (double) tenant.plan().processLimit() * BYTES_PER_PROCESS;
    }
    return 0;
  }

  private static double jobs(WorkloadSpec.Batch batch) {
    if (batch.jobs() instanceof WorkloadSpec.JobList list) {
      return list.jobs().size();
    }
    if (batch.jobs() instanceof WorkloadSpec.JobDistribution drawn) {
      return drawn.count();
    }
    return 0;
  }

  /** Requests per second at the busiest moment. */
  static double peakRate(WorkloadSpec.Service service) {
    ArrivalSpec arrivals = service.arrivals();
    if (arrivals instanceof ArrivalSpec.Poisson poisson) {
      return poisson.ratePerSecond();
    }
    if (arrivals instanceof ArrivalSpec.OnOff onOff) {
      return Math.max(onOff.onRatePerSecond(), onOff.offRatePerSecond());
    }
    if (arrivals instanceof ArrivalSpec.Periodic periodic) {
      double peak = periodic.profile().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      return periodic.ratePerSecond() * peak;
    }
    if (arrivals instanceof ArrivalSpec.Closed closed) {
      // N / (Z + R) <= N / max(Z, R), and a response takes at least its CPU time
      double cycle =
          Math.max(closed.thinkTimeSeconds().mean(), service.request().cpuSeconds().mean());
      return closed.clients() / Math.max(cycle, 1e-6);
    }
    return arrivals.meanRatePerSecond();
  }
}
