package dev.oversold.core.memory;

import dev.oversold.core.engine.Invariants;
import dev.oversold.core.engine.RandomStream;

/**
 * How many of {@code n} touched pages, chosen evenly over a tenant's allocation, fall in each
 * non-resident state: binomial draws from the tenant's own stream, conditioned state by state and
 * capped by each state's population.
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
    long total = t.anon + t.swapped;
    long inSwap = Math.min(t.swapped, Draws.binomial(random, n, (double) t.swapped / total));
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
        Math.min(
            t.hostSwappedAnon,
            Draws.binomial(random, inRam, t.anon == 0 ? 0 : (double) t.hostSwappedAnon / t.anon));
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
