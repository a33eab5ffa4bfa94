package dev.oversold.planner;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How hard one run pressed each resource of a host, as a fraction of what the host has; the binding
 * resource is the one pressed hardest. CPU and memory are measured (mean CPU allocated over
 * capacity; resident plus swapped bytes over RAM, so a host that swaps is above 1). Disk and
 * network are the services' completed requests times what each request reads, writes or sends, over
 * the device's IOPS and the NIC's bandwidth (the run does not report device utilisation;
 * noisy-neighbour traffic is not counted). The disk's is a busy fraction: each random 4 KiB
 * operation holds the device 1 / IOPS seconds, and the bytes a request appends to its access log,
 * which writeback writes out sequentially in large chunks, hold it for their transfer at the
 * device's bandwidth. Kernel objects count as fully pressed (1.0) when a tenant had an allocation
 * refused while RAM was not full, since then a table ran out, not memory.
 */
public final class ResourcePressure {
  private ResourcePressure() {}

  /** Pressure per resource on {@code hostName}, in {@link Resources#NAMES} order. */
  public static Map<String, Double> of(Scenario scenario, SimulationResult run, String hostName) {
    HostSpec host = scenario.host(hostName);
    HostResult measured =
        run.hosts().stream().filter(h -> h.name().equals(hostName)).findFirst().orElseThrow();
    double disk = 0;
    double networkBytes = 0;
    double refusals = 0;
    for (TenantSpec spec : scenario.tenants()) {
      if (!spec.host().equals(hostName)) {
        continue;
      }
      TenantResult tenant = run.tenant(spec.name());
      refusals += tenant.metrics().refusals();
      if (spec.workload() instanceof WorkloadSpec.Service service) {
        double done = tenant.metrics().throughputPerSecond();
        disk += diskBusy(host.disk(), service, done);
        networkBytes += done * service.request().networkBytes();
      }
    }
    double memory =
        (measured.memoryUsedBytes() + measured.memorySwappedBytes()) / host.memory().ramBytes();
    Map<String, Double> pressure = new LinkedHashMap<>();
    pressure.put(Resources.CPU, measured.cpuUtilization());
    pressure.put(Resources.MEMORY, memory);
    pressure.put(Resources.DISK, disk);
    pressure.put(Resources.NETWORK, networkBytes / host.network().bandwidthBytesPerSecond());
    pressure.put(Resources.KERNEL_OBJECTS, refusals > 0 && memory < 1 ? 1.0 : 0.0);
    return pressure;
  }

  /**
   * The fraction of the device's time a service completing {@code completedPerSecond} requests
   * takes: its random reads and writes at 1 / IOPS seconds each, its log appends' bytes at the
   * sequential bandwidth.
   */
  static double diskBusy(
      HostSpec.Disk disk, WorkloadSpec.Service service, double completedPerSecond) {
    WorkloadSpec.RequestSpec request = service.request();
    return completedPerSecond * (request.diskReads() + request.diskWrites()) / disk.iops()
        + completedPerSecond * request.logAppendBytes() / disk.bandwidthBytesPerSecond();
  }

  /** The resource pressed hardest (the first in {@link Resources#NAMES} order on a tie). */
  public static String binding(Map<String, Double> pressure) {
    String best = Resources.CPU;
    double max = Double.NEGATIVE_INFINITY;
    for (String name : Resources.NAMES) {
      double p = pressure.getOrDefault(name, 0.0);
      if (p > max) {
        max = p;
        best = name;
      }
    }
    return best;
  }
}
