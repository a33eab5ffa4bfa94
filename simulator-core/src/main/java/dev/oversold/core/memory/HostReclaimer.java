package dev.oversold.core.memory;

/**
 * A platform's answer to host memory pressure: which pages of which tenants leave host RAM, and how
 * (dropped file cache, page sharing, balloon, compression, host swap). Implementations live with
 * their platforms.
 */
public interface HostReclaimer {
  /**
   * Frees host RAM until {@link HostMemory#freePages()} is at least {@code targetFreePages} or
   * nothing more can be freed. Called whenever a tenant grew.
   */
  void reclaim(HostMemory host, long targetFreePages);

  /** Free pages below which reclaim runs (0 for Linux-like hosts: reclaim when short). */
  default long triggerFreePages(HostMemory host) {
    return 0;
  }

  /** Free pages reclaim aims for once triggered. */
  default long targetFreePages(HostMemory host) {
    return 0;
  }

  /**
   * Free pages below which the task whose growth is settled reclaims itself and waits for the
   * swap-out writes it issued (direct reclaim). By default every pass is direct: a host with no
   * background reclaimer frees memory only in the allocating task.
   */
  default long directReclaimFreePages(HostMemory host) {
    return triggerFreePages(host);
  }

  /**
   * Whether reclaim between the trigger and the direct-reclaim mark runs in the background on host
   * CPU (Linux kswapd) instead of in the allocating call.
   */
  default boolean kswapd() {
    return false;
  }

  /** Whether the host kills a tenant when RAM and swap are exhausted (Linux global OOM). */
  default boolean globalOom() {
    return true;
  }

  /** Reclaim that never runs: a partitioned host (Xen) or one that is never overcommitted. */
  HostReclaimer NONE = (host, target) -> {};
}
