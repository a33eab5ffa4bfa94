package dev.oversold.core.platform.memory;

import dev.oversold.core.memory.Apportion;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostReclaimer;
import dev.oversold.core.memory.TenantMemory;
import dev.oversold.core.memory.Watermarks;
import java.util.List;
import java.util.Optional;

/**
 * Global reclaim of one Linux kernel shared by containers (OpenVZ) or process groups (bare metal):
 * clean page-cache pages first, then pages already in virtual swap, then anonymous pages, each
 * taken from tenants in proportion to what they hold. Proportional is how the kernel's memcg-aware
 * reclaim scans: each cgroup's LRU lists in proportion to their size (mm/vmscan.c get_scan_count,
 * shrink_node_memcgs). Within a tenant the pages taken are its coldest (the tail of its inactive
 * list, mm/vmscan.c shrink_inactive_list), which is what touches with a working-set skew then find
 * out (core/memory TouchFaults, TouchLocality).
 */
public final class SharedKernelReclaimer implements HostReclaimer {
  private final Optional<Watermarks> watermarks;

  /** A reclaimer that runs only when the host is short (no kswapd watermarks). */
  public SharedKernelReclaimer() {
    this(Optional.empty());
  }

  /** A reclaimer woken below {@code watermarks}' low mark that frees up to the high mark. */
  public SharedKernelReclaimer(Optional<Watermarks> watermarks) {
    this.watermarks = watermarks;
  }

  /** kswapd wakes at the low watermark (reclaim only when short without watermarks). */
  @Override
  public long triggerFreePages(HostMemory host) {
    return watermarks.map(Watermarks::lowPages).orElse(0L);
  }

  /** kswapd reclaims until the high watermark. */
  @Override
  public long targetFreePages(HostMemory host) {
    return watermarks.map(Watermarks::highPages).orElse(0L);
  }

  /** Below the min watermark the allocating task reclaims itself (mm/page_alloc.c slowpath). */
  @Override
  public long directReclaimFreePages(HostMemory host) {
    return watermarks.map(Watermarks::minPages).orElse(0L);
  }

  /**
   * kswapd runs between the watermarks when there are watermarks: a shared kernel has one kswapd
   * per node like any Linux (mm/vmscan.c kswapd, woken by wakeup_kswapd when an allocation finds a
   * zone below its low watermark), on host CPU.
   */
  @Override
  public boolean kswapd() {
    return watermarks.isPresent();
  }

  @Override
  public void reclaim(HostMemory host, long targetFreePages) {
    List<TenantMemory> tenants = host.tenants();
    int n = tenants.size();
    long need = targetFreePages - host.freeAfterWritebackPages();
    if (need <= 0) {
      return;
    }
    long[] available = new long[n];
    for (int i = 0; i < n; i++) {
      available[i] = tenants.get(i).fileCachePages();
    }
    long[] take = Apportion.proportional(need, available);
    for (int i = 0; i < n; i++) {
      tenants.get(i).reclaim().dropFile(take[i]);
    }
    need = targetFreePages - host.freeAfterWritebackPages();
    if (need <= 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      available[i] = tenants.get(i).reclaim().vswapInRam();
    }
    take = Apportion.proportional(Math.min(need, Math.max(0, host.swapFreePages())), available);
    for (int i = 0; i < n; i++) {
      tenants.get(i).reclaim().hostSwapOutVswap(take[i]);
    }
    need = targetFreePages - host.freeAfterWritebackPages();
    if (need <= 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      available[i] = tenants.get(i).reclaim().hostSwappableAnon();
    }
    take = Apportion.proportional(Math.min(need, Math.max(0, host.swapFreePages())), available);
    for (int i = 0; i < n; i++) {
      tenants.get(i).reclaim().hostSwapOut(take[i]);
    }
  }
}
