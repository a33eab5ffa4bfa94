package dev.oversold.core.memory;

import dev.oversold.core.engine.Invariants;
import dev.oversold.core.engine.RandomStream;

/**
 * How many of {@code n} touched pages fall in each non-resident state: binomial draws from the
 * tenant's own stream, conditioned state by state and capped by each state's population.
 *
 * <p>Which pages are out depends on who took them. The tenant's own reclaim domain (its guest
 * kernel, its container or process group's LRU lists in a shared kernel) takes cold pages first, so
 * a touch finds one of them out with the probability {@link TouchLocality} gives for the service's
 * skew. A hypervisor's host swap and compression do not know the guest's lists and are modelled as
 * taking guest frames blindly: ESXi selects the pages it swaps at random [Waldspurger 2002, "Memory
 * Resource Management in VMware ESX Server", OSDI: its swap daemon replaces pages at random so as
 * not to fight the guest's own policy], and compresses pages it chose to swap. KVM's host kernel
 * reclaims QEMU's anonymous memory by its own LRU, which sees guest touches only through accessed
 * bits (the MMU notifier's clear_flush_young, virt/kvm/kvm_main.c) and cannot tell a guest's free
 * or cache frames from its hot pages; blind is an assumption for it, the pessimistic end. A touch
 * then finds a host-swapped or compressed frame with its share of the guest's resident pages
 * whatever the skew: a hot page the guest keeps can be out on the host, double paging's first cost
 * [Goldberg and Hassinger 1974, "The double paging anomaly"].
 *
 * @param inSwap pages in the tenant's own swap (vSwap or guest swap)
 * @param swapOnDisk of those, pages whose data is on a disk (guest swap; vSwap the host swapped)
 * @param vswapFaults of those, vSwap pages still in host RAM (slowdown, no I/O)
 * @param hostFaults resident pages the host swapped behind the tenant's back
 * @param decompressions resident pages the host compressed
 */
record TouchFaults(
    long inSwap, long swapOnDisk, long vswapFaults, long hostFaults, long decompressions) {

  static TouchFaults draw(TenantMemory t, RandomStream random, long n) {
    TouchLocality locality = t.locality();
    long total = t.anon + t.swapped;
    if (locality.uniform()) {
      // Every page of the allocation equally likely: the draws made before locality, in the same
      // order, so files without a skew run exactly as they did.
      long inSwap = Math.min(t.swapped, Draws.binomial(random, n, (double) t.swapped / total));
      return finish(t, random, n, inSwap, BLIND);
    }
    if (t.kind.guestKernel()) {
      // The guest's LRU took its swapped pages; the host takes its frames blindly (below).
      double fault = locality.faultProbability(total, t.swapped);
      long inSwap = Math.min(t.swapped, Draws.binomial(random, n, fault));
      return finish(t, random, n, inSwap, BLIND);
    }
    // A shared kernel: the tenant's own limit reclaim and the host's global reclaim both take its
    // cold pages from the same LRU lists, so the pages out either way are the cold end.
    long out = t.swapped + t.hostSwappedAnon;
    double fault = locality.faultProbability(total, out);
    long found = Math.min(out, Draws.binomial(random, n, fault));
    long inSwap =
        Math.min(t.swapped, Draws.binomial(random, found, out == 0 ? 0 : (double) t.swapped / out));
    inSwap = Math.max(inSwap, found - t.hostSwappedAnon);
    return finish(t, random, n, inSwap, found - inSwap);
  }

  /** Host faults drawn blindly over the touched pages the tenant keeps in its RAM. */
  private static final long BLIND = -1;

  /**
   * Splits the pages found in the tenant's swap by where vSwap holds them, then draws host faults
   * ({@link #BLIND}: evenly over the touched pages in the tenant's RAM) and decompressions.
   */
  private static TouchFaults finish(
      TenantMemory t, RandomStream random, long n, long inSwap, long hostFaultsFound) {
    long inRam = n - inSwap;
    long swapOnDisk = inSwap;
    long vswapFaults = 0;
    if (t.kind.virtualSwap()) {
      swapOnDisk =
          Math.min(
              t.hostSwappedVswap,
              Draws.binomial(
                  random, inSwap, t.swapped == 0 ? 0 : (double) t.hostSwappedVswap / t.swapped));
      // Pages found in RAM-backed vSwap cannot outnumber those there.
      swapOnDisk = Math.max(swapOnDisk, inSwap - (t.swapped - t.hostSwappedVswap));
      vswapFaults = inSwap - swapOnDisk;
    }
    long hostFaults =
        hostFaultsFound != BLIND
            ? hostFaultsFound
            : Math.min(
                t.hostSwappedAnon,
                Draws.binomial(
                    random, inRam, t.anon == 0 ? 0 : (double) t.hostSwappedAnon / t.anon));
    long notSwapped = t.anon - t.hostSwappedAnon;
    long decompressions =
        Math.min(
            t.compressed,
            Draws.binomial(
                random,
                inRam - hostFaults,
                notSwapped <= 0 ? 0 : (double) t.compressed / notSwapped));
    return new TouchFaults(inSwap, swapOnDisk, vswapFaults, hostFaults, decompressions);
  }

  /** A tenant's accounting: every state within its parent, the tenant within RAM and swap. */
  static void checkInvariants(TenantMemory t) {
    if (!Invariants.ENABLED) {
      return;
    }
    String name = t.name();
    Invariants.check(
        Math.min(
                Math.min(t.anon, t.swapped),
                Math.min(Math.min(t.file, t.kernel), Math.min(t.freeBacked, t.balloon)))
            >= 0,
        "%s: negative page count",
        name);
    Invariants.check(
        t.hostSwappedAnon + t.compressed + t.shared <= t.anon,
        "%s: host-swapped %d + compressed %d + shared %d exceed resident anon %d",
        name,
        t.hostSwappedAnon,
        t.compressed,
        t.shared,
        t.anon);
    Invariants.check(
        t.hostSwappedVswap <= t.swapped && t.hostSwappedFree <= t.freeBacked,
        "%s: host swap beyond its pages",
        name);
    Invariants.check(
        Math.min(t.wbAnon, Math.min(t.wbVswap, t.wbFree)) >= 0
            && t.hostSwappedAnon + t.compressed + t.shared + t.wbAnon <= t.anon
            && t.hostSwappedVswap + t.wbVswap <= t.swapped
            && t.hostSwappedFree + t.wbFree <= t.freeBacked,
        "%s: pages under writeback %d/%d/%d outside their states",
        name,
        t.wbAnon,
        t.wbVswap,
        t.wbFree);
    Invariants.check(
        !t.isOverRam(), "%s: uses %d pages, RAM limit %d", name, t.usedPages(), t.ramLimit);
    Invariants.check(
        t.swapped <= t.swapLimit, "%s: swap %d above its limit %d", name, t.swapped, t.swapLimit);
  }
}
