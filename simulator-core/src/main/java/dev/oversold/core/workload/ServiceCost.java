package dev.oversold.core.workload;

import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.WorkloadSpec;

/**
 * A service's cost: each request costs {@link CostModel#EVENTS_PER_REQUEST} events, {@link
 * CostModel#EVENTS_PER_NETWORK_REQUEST} more when it uses the network, plus {@link
 * CostModel#EVENTS_PER_DISK_OP} per disk operation (file reads counted as misses, an access-log
 * append as one operation), at the busiest arrival rate; it holds at most the requests arriving
 * within one timeout (then they fail), or one per closed-loop client. Its memory is its working set
 * from the start; each request touches its {@code memory-touch} pages of it.
 */
final class ServiceCost {
  static final CostModel<WorkloadSpec.Service> MODEL =
      CostModel.<WorkloadSpec.Service>paced(
              (service, host) ->
                  peakRate(service)
                      * (CostModel.EVENTS_PER_REQUEST
                          + (service.request().networkBytes() > 0
                              ? CostModel.EVENTS_PER_NETWORK_REQUEST
                              : 0)
                          + CostModel.EVENTS_PER_DISK_OP * diskOpsPerRequest(service)))
          .holding(
              (service, tenant) ->
                  service.arrivals() instanceof ArrivalSpec.Closed closed
                      ? (double) closed.clients() * CostModel.BYTES_PER_REQUEST
                      : peakRate(service)
                          * service.timeout().seconds()
                          * CostModel.BYTES_PER_REQUEST)
          // the working set is allocated when the service starts
          .wanting((service, seconds) -> (double) service.workingSetBytes())
          // each request touches ceil(memory-touch / 4 KiB) pages of it (TenantMemory.touch)
          .touching(
              service ->
                  peakRate(service) * Math.ceil(service.request().memoryTouchBytes() / 4096.0));

  private ServiceCost() {}

  /**
   * Disk operations a request may cause: its disk reads and writes, every file read, since in the
   * worst case each misses the page cache, and its access-log append: one buffered write call
   * (ServiceWorkload.complete issues it as one operation; its issue, throttle check, completion and
   * share of writeback are what {@link CostModel#EVENTS_PER_DISK_OP} counts).
   */
  static double diskOpsPerRequest(WorkloadSpec.Service service) {
    WorkloadSpec.RequestSpec request = service.request();
    return request.diskReads()
        + request.fileReads()
        + request.diskWrites()
        + (request.logAppendBytes() > 0 ? 1 : 0);
  }

  /** Requests per second at the busiest moment. */
  static double peakRate(WorkloadSpec.Service service) {
    ArrivalSpec arrivals = service.arrivals();
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
