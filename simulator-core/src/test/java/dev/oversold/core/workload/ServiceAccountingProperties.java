package dev.oversold.core.workload;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.core.model.WorkloadSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Every request a service receives is accounted for exactly once, whatever the load. */
final class ServiceAccountingProperties {

  /**
   * rejected + completed + failed + in flight = arrivals, on loads from idle to far past capacity,
   * with small backlogs, timeouts shorter than the I/O, open and closed loops, and a kill at a
   * random time (the whole run is measured: no warm-up); with connections of 1 to 4 requests and
   * with or without a log append, after which a killed service holds no connection open.
   */
  @Property(tries = 80)
  void everyArrival_isRejectedCompletedFailedOrInFlight(
      @ForAll boolean closed,
      @ForAll @Scale(4) @DoubleRange(min = 1, max = 400) double load,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 0.05) double meanCpu,
      @ForAll @IntRange(min = 1, max = 4) int workers,
      @ForAll @IntRange(min = 1, max = 6) int backlog,
      @ForAll @IntRange(min = 0, max = 2) int reads,
      @ForAll @IntRange(min = 0, max = 200_000) int networkBytes,
      @ForAll @IntRange(min = 20, max = 2000) int timeoutMillis,
      @ForAll @IntRange(min = 1, max = 40) int killAtSeconds,
      @ForAll @IntRange(min = 1, max = 4) int keepAlive,
      @ForAll boolean logAppend,
      @ForAll long seed) {
    ArrivalSpec arrivals =
        closed
            ? new ArrivalSpec.Closed((int) Math.ceil(load / 10), new Distribution.Exponential(0.1))
            : new ArrivalSpec.Poisson(load);
    var service =
        new WorkloadSpec.Service(
            arrivals,
            new WorkloadSpec.RequestSpec(
                new Distribution.Exponential(meanCpu),
                reads,
                0,
                0.5,
                networkBytes,
                0,
                logAppend ? 200 : 0),
            0,
            dev.oversold.core.model.Skew.UNIFORM,
            null,
            workers,
            backlog,
            SimDuration.ofMillis(timeoutMillis),
            SimDuration.ofMillis(100),
            WorkloadSpec.Window.ALWAYS,
            keepAlive);
    // Disk 2 ms per operation, network 1,000 ns per byte (1 MB/s), so I/O often outlasts timeouts.
    FakeTenant tenant = new FakeTenant(seed, 2, 1.0, 0, 2_000_000, 1000, Long.MAX_VALUE, 100);
    ServiceWorkload workload = new ServiceWorkload(service);
    workload.start(tenant);
    tenant.simulation.schedule(killAtSeconds * SimTime.SECOND, workload::stop);
    tenant.simulation.runUntil(30 * SimTime.SECOND);
    var r = tenant.recorder;
    long accounted = r.rejected() + r.completed() + r.failed() + r.requestsInSystem();
    if (killAtSeconds < 30 && tenant.openConnections != 0) {
      throw new AssertionError(
          "killed at " + killAtSeconds + " s with " + tenant.openConnections + " connections open");
    }
    if (accounted != r.arrivals() || r.requestsInSystem() < 0) {
      throw new AssertionError(
          String.format(
              java.util.Locale.ROOT,
              "arrivals %d but rejected %d + completed %d + failed %d + in flight %d",
              r.arrivals(),
              r.rejected(),
              r.completed(),
              r.failed(),
              r.requestsInSystem()));
    }
  }
}
