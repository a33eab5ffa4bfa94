package dev.oversold.core.platform.kvm;

import dev.oversold.core.memory.Apportion;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostReclaimer;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.memory.Watermarks;
import java.util.List;
import java.util.Optional;

/**
 * A KVM host short of RAM: balloons first when auto-ballooning is on (the guest gives up free
 * frames, its cache, then its own cold pages to its own swap), then the host kernel swaps the
 * frames of QEMU processes behind the guests' backs (double paging), in proportion to each VM's
 * resident memory as memcg-aware global reclaim does. The host's pages are taken blind to the
 * guest's lists: a guest's hot pages are as likely to be out as its cold ones (core/memory
 * TouchFaults), while the balloon lets the guest choose its own cold pages.
 */
public final class KvmReclaimer implements HostReclaimer {
  private final boolean autoBalloon;
  private final double balloonMaxFraction;

  private final Optional<Watermarks> watermarks;

  /** A reclaimer that runs only when the host is short (no kswapd watermarks). */
  public KvmReclaimer(boolean autoBalloon, double balloonMaxFraction) {
    this(autoBalloon, balloonMaxFraction, Optional.empty());
  }

  /** A reclaimer woken below {@code watermarks}' low mark that frees up to the high mark. */
  public KvmReclaimer(
      boolean autoBalloon, double balloonMaxFraction, Optional<Watermarks> watermarks) {
    this.autoBalloon = autoBalloon;
    this.balloonMaxFraction = balloonMaxFraction;
    this.watermarks = watermarks;
  }

  /**
   * kswapd wakes at the low watermark (reclaim only when short without watermarks). Asked on every
   * allocation, so without {@code Optional.map}, whose boxed {@code Long} was one object a call.
   */
  @Override
  public long triggerFreePages(HostMemory host) {
    return watermarks.isPresent() ? watermarks.get().lowPages() : 0;
  }

  /** kswapd reclaims until the high watermark. */
  @Override
  public long targetFreePages(HostMemory host) {
    return watermarks.isPresent() ? watermarks.get().highPages() : 0;
  }

  /** Below the min watermark the allocating task reclaims itself (mm/page_alloc.c slowpath). */
  @Override
  public long directReclaimFreePages(HostMemory host) {
    return watermarks.isPresent() ? watermarks.get().minPages() : 0;
  }

  /** kswapd runs between the watermarks when there are watermarks. */
  @Override
  public boolean kswapd() {
    return watermarks.isPresent();
  }

  @Override
  public void reclaim(HostMemory host, long targetFreePages) {
    List<TenantMemory> tenants = host.tenants();
    int n = tenants.size();
    long need = targetFreePages - host.freeAfterWritebackPages();
    long[] available = new long[n];
    if (autoBalloon && need > 0) {
      for (int i = 0; i < n; i++) {
        available[i] = tenants.get(i).reclaim().balloonable(balloonMaxFraction);
      }
      long[] take = Apportion.proportional(need, available);
      for (int i = 0; i < n; i++) {
        tenants.get(i).reclaim().balloonInflate(take[i]);
      }
      need = targetFreePages - host.freeAfterWritebackPages();
    }
    if (need <= 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      TenantMemory tenant = tenants.get(i);
      available[i] = tenant.reclaim().hostSwappableAnon() + tenant.reclaim().hostSwappableOther();
    }
    long[] take =
        Apportion.proportional(Math.min(need, Math.max(0, host.swapFreePages())), available);
    for (int i = 0; i < n; i++) {
      tenants.get(i).reclaim().hostSwapOut(take[i]);
    }
  }
}
