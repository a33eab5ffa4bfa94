package dev.oversold.core.kernel;

import dev.oversold.core.engine.Invariants;

/**
 * One counted kernel resource with a capacity: a host's (or guest's) pid table, file table or
 * conntrack table, or a container's beancounter. Keeps what /proc/user_beancounters shows: held,
 * maxheld, limit and failcnt (allocations refused because they would pass the limit).
 */
public final class KernelTable {
  private final String name;
  private long limit;
  private long held;
  private long maxHeld;
  private long failCount;

  public KernelTable(String name, long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException(name + ": limit must be >= 0, got " + limit);
    }
    this.name = name;
    this.limit = limit;
  }

  /** True and counted if {@code count} more fit under the limit; else false and failcnt + 1. */
  public boolean tryAcquire(long count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + ": negative count " + count);
    }
    if (held + count > limit) {
      failCount++;
      return false;
    }
    held += count;
    maxHeld = Math.max(maxHeld, held);
    return true;
  }

  /** Takes {@code count} without a limit check (to undo a release); never below zero. */
  void forceAcquire(long count) {
    held += count;
    maxHeld = Math.max(maxHeld, held);
  }

  /** Returns {@code count} objects (at most what is held). */
  public void release(long count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + ": negative count " + count);
    }
    held = Math.max(0, held - count);
  }

  /** Changes the limit; objects already held above it stay until released. */
  public void setLimit(long newLimit) {
    if (newLimit < 0) {
      throw new IllegalArgumentException(name + ": limit must be >= 0, got " + newLimit);
    }
    limit = newLimit;
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

  public long limit() {
    return limit;
  }

  public long failCount() {
    return failCount;
  }

  /** Held never negative and maxheld never below held. */
  public void checkInvariants() {
    Invariants.check(held >= 0 && maxHeld >= held, "%s: held %s, maxheld %s", name, held, maxHeld);
  }

  @Override
  public String toString() {
    return name
        + "[held="
        + held
        + ", maxheld="
        + maxHeld
        + ", limit="
        + limit
        + ", failcnt="
        + failCount
        + "]";
  }
}
