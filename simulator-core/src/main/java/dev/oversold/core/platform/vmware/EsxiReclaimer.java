package dev.oversold.core.platform.vmware;

import dev.oversold.core.memory.Apportion;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostReclaimer;
import dev.oversold.core.memory.Pages;
import dev.oversold.core.memory.TenantMemory;
import java.util.List;

/**
 * ESXi reclamation by free-memory state. Below the soft threshold it balloons; at hard and below it
 * compresses (up to a fraction of each VM's memory) and then swaps to the VM's swap file; it aims
 * back at the clear threshold (100% of minFree) and never leaves free memory negative. Which VM
 * loses pages follows shares per page with the idle memory tax: keep_i is proportional to S_i /
 * (f_i + k (1 - f_i)), k = 1 / (1 - tax), f_i the VM's active fraction, above its reservation.
 * Within a VM the pages compressed and swapped are chosen at random (Waldspurger 2002), blind to
 * the guest's hot pages (core/memory TouchFaults); the balloon lets the guest give its cold ones.
 */
public final class EsxiReclaimer implements HostReclaimer {
  private final double idleTax;
  private final double balloonMaxFraction;
  private final double compressionMaxFraction;

  public EsxiReclaimer(double idleTax, double balloonMaxFraction, double compressionMaxFraction) {
    this.idleTax = idleTax;
    this.balloonMaxFraction = balloonMaxFraction;
    this.compressionMaxFraction = compressionMaxFraction;
  }

  static long minFree(HostMemory host) {
    return EsxiMemoryState.minFreePages(host.config().ramBytes());
  }

  /** The host's state now. */
  public static EsxiMemoryState state(HostMemory host) {
    return EsxiMemoryState.of(host.freePages(), minFree(host));
  }

  @Override
  public long triggerFreePages(HostMemory host) {
    return (long) Math.ceil(EsxiMemoryState.SOFT.threshold() * minFree(host)) + 1;
  }

  @Override
  public long targetFreePages(HostMemory host) {
    return (long) Math.ceil(EsxiMemoryState.CLEAR.threshold() * minFree(host));
  }

  /**
   * In the low state ESXi blocks VMs that allocate until memory is reclaimed (vSphere Resource
   * Management, "low: ... blocks VMs"): the allocating VM waits for the swap-out writes of the pass
   * its allocation ran. Above it the reclaim passes are ESXi's background scheduler's.
   */
  @Override
  public long directReclaimFreePages(HostMemory host) {
    return (long) Math.ceil(EsxiMemoryState.LOW.threshold() * minFree(host)) + 1;
  }

  @Override
  public boolean globalOom() {
    return false; // ESXi blocks or swaps; it does not kill VMs
  }

  @Override
  public void reclaim(HostMemory host, long targetFreePages) {
    List<TenantMemory> tenants = host.tenants();
    int n = tenants.size();
    long[] limit = new long[n];
    if (state(host).compareTo(EsxiMemoryState.SOFT) <= 0) {
      for (int i = 0; i < n; i++) {
        limit[i] = tenants.get(i).reclaim().balloonable(balloonMaxFraction);
      }
      long[] take = byShares(tenants, targetFreePages - host.freeAfterWritebackPages(), limit);
      for (int i = 0; i < n; i++) {
        tenants.get(i).reclaim().balloonInflate(take[i]);
      }
    }
    boolean hard = state(host).compareTo(EsxiMemoryState.HARD) <= 0;
    if (hard) {
      for (int i = 0; i < n; i++) {
        TenantMemory t = tenants.get(i);
        long cap = (long) (compressionMaxFraction * t.ramLimitPages()) - t.compressedPages();
        limit[i] = Math.max(0, Math.min(cap, t.reclaim().hostSwappableAnon()));
      }
      // A compressed page still takes a fraction of a page: compress need / (1 - fraction).
      double saved = 1 - host.config().compressedFraction();
      long need = targetFreePages - host.freeAfterWritebackPages();
      long[] take = byShares(tenants, (long) Math.ceil(need / saved), limit);
      for (int i = 0; i < n; i++) {
        tenants.get(i).reclaim().compress(take[i]);
      }
    }
    long need =
        hard ? targetFreePages - host.freeAfterWritebackPages() : -host.freeAfterWritebackPages();
    if (need > 0) {
      for (int i = 0; i < n; i++) {
        TenantMemory t = tenants.get(i);
        limit[i] = t.reclaim().hostSwappableAnon() + t.reclaim().hostSwappableOther();
      }
      long[] take = byShares(tenants, Math.min(need, Math.max(0, host.swapFreePages())), limit);
      for (int i = 0; i < n; i++) {
        tenants.get(i).reclaim().hostSwapOut(take[i]);
      }
    }
  }

  /** Splits {@code amount} by shares per page, each VM giving at most {@code limit[i]}. */
  private long[] byShares(List<TenantMemory> tenants, long amount, long[] limit) {
    int n = tenants.size();
    double k = 1 / (1 - idleTax);
    double[] weights = new double[n];
    long[] floors = new long[n];
    long[] current = new long[n];
    for (int i = 0; i < n; i++) {
      TenantMemory t = tenants.get(i);
      double f = t.activeFraction();
      weights[i] = t.config().shares() / (f + k * (1 - f));
      current[i] = Math.max(0, t.hostRamPages() - Pages.of(t.config().overheadBytes()));
      floors[i] = Math.max(t.reservationPages(), current[i] - limit[i]);
    }
    return Apportion.byWeight(amount, weights, floors, current);
  }
}
