package dev.oversold.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.engine.SimTime;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;

/**
 * A page-sharing scanner (KVM's ksmd, ESXi's TPS): every period it scans a budget of pages spread
 * over the VMs in proportion to their resident anonymous memory and merges the identical ones, up
 * to a sharing fraction of each VM's memory; the scan costs host CPU while it runs.
 */
public final class PageSharing {
  private final HostMemory host;
  private final Settings settings;
  private final Predicate<HostMemory> active;
  private final DoubleConsumer cpuWork;
  private long scannedPages;

  /**
   * How much the scanner can merge and what it costs.
   *
   * @param sharedFraction fraction of a VM's anonymous pages that are identical to another page
   * @param scanPagesPerSecond pages the scanner looks at per second
   * @param cpuCores host cores the scanner uses while it runs (reference-core-seconds per second)
   * @param periodNanos how often the scanner wakes (one event per period)
   */
  public record Settings(
      double sharedFraction, double scanPagesPerSecond, double cpuCores, long periodNanos) {
    public Settings {
      checkArgument(sharedFraction >= 0 && sharedFraction <= 1, "shared fraction in [0, 1]");
      checkArgument(scanPagesPerSecond > 0, "scan rate > 0");
      checkArgument(cpuCores >= 0, "cpu >= 0");
      checkArgument(periodNanos > 0, "period > 0");
    }
  }

  public PageSharing(
      HostMemory host, Settings settings, Predicate<HostMemory> active, DoubleConsumer cpuWork) {
    this.host = host;
    this.settings = settings;
    this.active = active;
    this.cpuWork = cpuWork;
  }

  public void start() {
    host.simulation().scheduleAfter(settings.periodNanos(), this::tick);
  }

  /** Pages scanned so far. */
  public long scannedPages() {
    return scannedPages;
  }

  private void tick() {
    if (active.test(host)) {
      scan();
    }
    host.simulation().scheduleAfter(settings.periodNanos(), this::tick);
  }

  /** One period's scan. */
  void scan() {
    double seconds = SimTime.toSeconds(settings.periodNanos());
    long budget = (long) (settings.scanPagesPerSecond() * seconds);
    var tenants = host.tenants();
    long[] room = new long[tenants.size()];
    long[] resident = new long[tenants.size()];
    for (int i = 0; i < room.length; i++) {
      TenantMemory tenant = tenants.get(i);
      long target = (long) (settings.sharedFraction() * tenant.anonResidentPages());
      room[i] = Math.max(0, target - tenant.sharedPages());
      resident[i] = room[i] > 0 ? tenant.anonResidentPages() : 0;
    }
    long[] scans = Apportion.proportional(budget, resident);
    long scanned = 0;
    for (int i = 0; i < room.length; i++) {
      long merged = Math.min(room[i], (long) (scans[i] * settings.sharedFraction()));
      tenants.get(i).reclaim().share(merged);
      scanned += scans[i];
    }
    if (scanned > 0) {
      scannedPages += scanned;
      cpuWork.accept(settings.cpuCores() * seconds);
    }
  }
}
