package dev.oversold.core.kernel;

import dev.oversold.core.engine.Invariants;

/**
 * One OpenVZ user beancounter with a barrier and a limit, as /proc/user_beancounters shows it:
 * held, maxheld, barrier, limit, failcnt. A charge is refused (failcnt + 1, nothing held) when it
 * would take {@code held} past its threshold: the barrier for ordinary allocations, the limit for
 * the ones the kernel lets into the gap between them (a socket's first packet buffer). This is the
 * UB_HARD / UB_SOFT strictness of the UBC kernel's charge path [R wiki UBC_parameters: "barrier:
 * allocations past it fail, limit: hard ceiling"; vzctl(8) barrier[:limit]]. Amounts are in the
 * counter's accounting unit (bytes for the byte counters and for privvmpages, whose pages the
 * report shows); {@code Long.MAX_VALUE} is unlimited.
 */
public final class Beancounter {
  /** How far a charge may go. */
  public enum Strictness {
    /** Up to the barrier: ordinary allocations (UB_HARD in the UBC kernel). */
    BARRIER,
    /** Up to the limit: allocations the barrier-limit gap is reserved for (UB_SOFT). */
    LIMIT
  }

  private final String name;
  private final long barrier;
  private final long limit;
  private long held;
  private long maxHeld;
  private long failCount;

  public Beancounter(String name, long barrier, long limit) {
    if (barrier < 0 || limit < 0) {
      throw new IllegalArgumentException(
          name + ": barrier and limit must be >= 0, got " + barrier + ":" + limit);
    }
    if (barrier > limit) {
      throw new IllegalArgumentException(
          name + ": barrier " + barrier + " is above the limit " + limit);
    }
    this.name = name;
    this.barrier = barrier;
    this.limit = limit;
  }

  /**
   * Takes {@code amount} if it fits under the threshold of {@code strictness}; else failcnt + 1.
   */
  public boolean charge(long amount, Strictness strictness) {
    if (amount < 0) {
      throw new IllegalArgumentException(name + ": negative charge " + amount);
    }
    if (amount == 0) {
      return true;
    }
    long threshold = strictness == Strictness.BARRIER ? barrier : limit;
    if (amount > threshold - held) {
      failCount++;
      return false;
    }
    held += amount;
    maxHeld = Math.max(maxHeld, held);
    return true;
  }

  /** Gives back {@code amount} (at most what is held). */
  public void uncharge(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException(name + ": negative uncharge " + amount);
    }
    held = Math.max(0, held - amount);
  }

  public String name() {
    return name;
  }

  public long held() {
    return held;
  }

  public long maxHeld() {
    return maxHeld;
  }

  public long barrier() {
    return barrier;
  }

  public long limit() {
    return limit;
  }

  public long failCount() {
    return failCount;
  }

  /** Held never negative, never above the limit; maxheld never below held. */
  public void checkInvariants() {
    Invariants.check(
        held >= 0 && held <= limit && maxHeld >= held,
        "%s: held %s, maxheld %s, limit %s",
        name,
        held,
        maxHeld,
        limit);
  }

  @Override
  public String toString() {
    return name
        + "[held="
        + held
        + ", maxheld="
        + maxHeld
        + ", barrier="
        + barrier
        + ", limit="
        + limit
        + ", failcnt="
        + failCount
        + "]";
  }
}
