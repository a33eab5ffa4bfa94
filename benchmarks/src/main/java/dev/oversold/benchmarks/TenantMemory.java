package dev.oversold.benchmarks;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.core.workload.TenantContext;
import dev.oversold.core.workload.Workload;
import dev.oversold.core.workload.Workloads;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap bytes per tenant of a live simulation: N tenants, 1,000 to a 64-core KVM host (the {@link
 * WebHostBenchmark} host and plan), either idle or web services at 20 requests/s. Heap in use after
 * a full GC is read before the simulator builds anything (the scenario model already exists) and
 * again from inside the run, at 100 simulated milliseconds, when every host, tenant, workload,
 * metric recorder and pending event is live. The difference over N is the simulator's cost per
 * tenant; the scenario model's own cost is printed separately.
 *
 * <p>Usage: {@code TenantMemory [counts=1000,100000]}.
 */
public final class TenantMemory {
  private static final int TENANTS_PER_HOST = 1000;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private TenantMemory() {}

  public static void main(String[] args) {
    String counts = args.length > 0 ? args[0] : "1000,100000";
    System.out.printf(
        Locale.ROOT,
        "method: heap in use (MemoryMXBean) after three System.gc() calls (%s), read with the"
            + " scenario model built and again at 100 simulated ms inside the run; the difference"
            + " over the tenant count (1,000 tenants to a 64-core KVM host)%n",
        collectors());
    for (String count : counts.split(",", -1)) {
      int n = Integer.parseInt(count.strip());
      for (String kind : List.of("idle", "web")) {
        measure(kind, n);
      }
    }
  }

  private static void measure(String kind, int tenants) {
    long empty = usedAfterGc();
    Scenario scenario = scenario(kind, tenants);
    long before = usedAfterGc();
    long[] during = {-1};
    boolean[] probing = {true};
    Simulator.run(
        scenario,
        spec -> {
          Workload workload = Workloads.create(spec);
          if (!probing[0]) {
            return workload;
          }
          probing[0] = false;
          return new Workload() {
            @Override
            public void start(TenantContext context) {
              workload.start(context);
              context
                  .simulation()
                  .schedule(SimDuration.ofMillis(100).nanos(), () -> during[0] = usedAfterGc());
            }

            @Override
            public void stop() {
              workload.stop();
            }

            @Override
            public void runEnded() {
              workload.runEnded();
            }
          };
        });
    System.out.printf(
        Locale.ROOT,
        "%-4s tenants x %,7d: %,8.0f heap bytes per tenant live in the simulator"
            + " (scenario model %,6.0f bytes per tenant)%n",
        kind,
        tenants,
        (during[0] - before) / (double) tenants,
        (before - empty) / (double) tenants);
  }

  static Scenario scenario(String kind, int tenants) {
    int hostCount = (tenants + TENANTS_PER_HOST - 1) / TENANTS_PER_HOST;
    List<HostSpec> hosts = new ArrayList<>();
    for (int h = 1; h <= hostCount; h++) {
      hosts.add(WebHostBenchmark.host("node" + h));
    }
    PlanSpec plan = WebHostBenchmark.plan();
    WorkloadSpec workload =
        kind.equals("idle")
            ? new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS)
            : WebHostBenchmark.service(20);
    List<TenantSpec> specs = new ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      specs.add(
          new TenantSpec(
              kind + "-" + (i + 1), "node" + (i / TENANTS_PER_HOST + 1), plan, workload));
    }
    return new Scenario(
        "tenant-memory",
        "heap per tenant",
        1,
        SimDuration.ofMillis(200),
        SimDuration.ZERO,
        SimDuration.ofMillis(100),
        hosts,
        specs,
        ReportSettings.DEFAULT);
  }

  private static String collectors() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName());
    }
    return String.join(", ", names)
        + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB";
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
