package dev.oversold.runner;

import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.workload.CostModel;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What page faults can cost the tenants of one host: the term the workload rates alone miss on a
 * host whose memory is oversold, where every page a tenant touches may have been pushed out.
 *
 * <p>Each tenant wants its workload's memory as it stands once the workload has run as long as it
 * will run in this run ({@link WorkloadKind#memoryBytes}: a working set from the start, a bomb's
 * allocation growing at its rate, so a bomb that starts at 20 s of a 30 s run wants 10 s of its
 * rate, not its whole plan), capped at its plan's RAM + swap. Of that, the host must keep in RAM
 * what the tenant keeps resident (up to its RAM; with vSwap, its swap too, since vSwap pages stay
 * in host RAM) plus its overhead. The host's excess is what all of them want beyond the host's RAM
 * less its reserve, none on a partitioned host (Xen). A tenant has out of RAM its own overflow past
 * its RAM (in its own swap; none with vSwap, whose pages stay in RAM and cost a delay per touch,
 * not a read per page) plus a share of the excess in proportion to what it wants in host RAM, and a
 * touched page is out with the fraction of its memory that is out: exact for uniform touches and
 * for a hypervisor that swaps blindly, an upper bound for an LRU over skewed touches (which keeps
 * the hot pages in). Each fault costs {@link CostModel#EVENTS_PER_FAULT} events, for every page
 * touched during the whole time the tenant runs: an upper estimate, since the excess is taken at
 * its peak.
 */
final class FaultCost {
  private FaultCost() {}

  /**
   * Fault events of each of {@code tenants} sharing {@code host} for a run of {@code duration}
   * seconds, by tenant name; empty when the host's platform refuses them (the run never starts).
   */
  static Map<String, Double> events(HostSpec host, List<TenantSpec> tenants, double duration) {
    MemoryPolicy policy = Platforms.of(host.platform()).memory();
    Map<String, Double> events = new HashMap<>();
    // The platform places guests (a plan shared by several tenants once); each tenant's wants are
    // then counted against its guest's plan as if it were alone in it (an upper estimate).
    List<TenantSpec> guests = TenantSpec.onePerGuest(tenants);
    if (tenants.isEmpty() || policy.admit(host, guests).isPresent()) {
      return events;
    }
    long reserved = policy.host(host, guests).reservedBytes();
    List<Want> wants = new ArrayList<>();
    boolean partitioned = false;
    double hostWanted = 0;
    for (TenantSpec tenant : tenants) {
      TenantMemoryConfig config = policy.tenant(host, tenant);
      partitioned |= config.kind() == TenantMemoryConfig.Kind.VM_PARTITIONED;
      double seconds = runSeconds(tenant, duration);
      WorkloadKind<?> kind = Workloads.of(tenant.workload());
      double wanted =
          Math.min(
              kind.memoryBytes(tenant.workload(), seconds),
              (double) config.ramBytes() + config.swapBytes());
      double inRam = config.kind().virtualSwap() ? wanted : Math.min(wanted, config.ramBytes());
      double inHostRam = inRam * (1 + config.overheadFraction()) + config.overheadBytes();
      double touched = kind.touchedPagesPerSecond(tenant.workload()) * seconds;
      wants.add(
          new Want(
              tenant.name(),
              wanted,
              // vSwap pages stay in host RAM: faulting them back costs the request one delay
              // timer per touch (counted in its events), not a read per page
              config.kind().virtualSwap() ? 0 : Math.max(0, wanted - config.ramBytes()),
              inHostRam,
              touched));
      hostWanted += inHostRam;
    }
    double excess = partitioned ? 0 : Math.max(0, hostWanted + reserved - host.memory().ramBytes());
    for (Want want : wants) {
      double out =
          Math.min(want.wanted, want.overflow + excess * want.inHostRam / Math.max(1, hostWanted));
      double faults = want.wanted > 0 ? want.touched * out / want.wanted : 0;
      events.put(want.name, faults * CostModel.EVENTS_PER_FAULT);
    }
    return events;
  }

  /** Seconds {@code tenant}'s workload runs in a run of {@code duration} seconds. */
  static double runSeconds(TenantSpec tenant, double duration) {
    double start = tenant.workload().start().seconds();
    double stop = Math.min(duration, tenant.workload().stop().seconds());
    return Math.max(0, stop - start);
  }

  /**
   * One tenant's claim: the bytes it wants, those past its own RAM, those the host must hold in RAM
   * for it, and the pages it touches in the run.
   */
  private record Want(
      String name, double wanted, double overflow, double inHostRam, double touched) {}
}
