package dev.oversold.core.memory;

import dev.oversold.core.engine.EventHandle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Paging inside one tenant: keeping it within its RAM (balloon deflation, dropping clean file
 * pages, swapping anonymous pages to its own swap), reusing guest frames the host still backs, and
 * the costs those moves leave for the allocating or touching request to pay (vSwap slowdown, disk
 * reads).
 */
final class TenantPaging {
  private final TenantMemory t;
  private long pendingDelayNanos;
  private long pendingReads;
  // Swap-out writes the current request waits for: its own (the tenant at its RAM limit reclaims
  // in the allocating task: memcg limit reclaim, mm/memcontrol.c try_charge; a guest kernel's
  // direct reclaim) and the host's direct-reclaim pass it ran.
  private final List<WriteWait> stalls = new ArrayList<>(2);
  private @Nullable WriteWait ownWrites;

  TenantPaging(TenantMemory tenant) {
    this.t = tenant;
  }

  /** Guest pages that grew reuse frames the host still backs before the host backs new ones. */
  void takeGuestFrames(long pages) {
    if (t.kind != TenantMemoryConfig.Kind.VM_ON_DEMAND || t.freeBacked == 0) {
      return;
    }
    long reused = Math.min(pages, t.freeBacked);
    long swappedFrames = Draws.portion(t.hostSwappedFree, reused, t.freeBacked);
    t.reuseFreeFrames(reused, swappedFrames);
    t.hostSwappedFree -= swappedFrames;
    t.freeBacked -= reused;
    // The guest writes the reused frame, so the host must fault it back in first.
    pendingReads += swappedFrames;
  }

  /**
   * Keeps the tenant within its RAM: a balloon deflates when the host has room, clean file pages go
   * first, then anonymous pages go to the tenant's swap.
   */
  void makeRoom() {
    boolean onDemand = t.kind == TenantMemoryConfig.Kind.VM_ON_DEMAND;
    long over = t.usedPages() + (onDemand ? t.freeBacked : 0) - t.ramLimit;
    if (over > 0 && onDemand && t.freeBacked > 0) {
      long reused = Math.min(over, t.freeBacked);
      long swappedFrames = Draws.portion(t.hostSwappedFree, reused, t.freeBacked);
      t.reuseFreeFrames(reused, swappedFrames);
      t.freeBacked -= reused;
      t.hostSwappedFree -= swappedFrames;
      over -= reused;
    }
    if (over > 0 && t.balloon > 0) {
      long deflate = Math.min(Math.min(over, t.balloon), Math.max(0, t.host().freePages()));
      t.balloon -= deflate;
      over -= deflate;
    }
    if (over <= 0) {
      return;
    }
    long dropped = Math.min(t.file, over);
    t.file -= dropped;
    over -= dropped;
    if (over > 0) {
      swapOut(Math.min(over, t.anon), ownWrite());
    }
  }

  /** A write this tenant's own reclaim issues now: the current request waits for it. */
  private Runnable ownWrite() {
    WriteWait writes = ownWrites;
    if (writes == null) {
      writes = new WriteWait();
      ownWrites = writes;
      stalls.add(writes);
    }
    return writes.issue();
  }

  /** The current request also waits for {@code writes} (a host direct-reclaim pass it ran). */
  void stallOn(WriteWait writes) {
    stalls.add(writes);
  }

  /**
   * Moves {@code k} anonymous pages from the tenant's RAM to its own swap; {@code written} runs
   * once the pages written are on the device. The tenant's reclaim takes the tail of its inactive
   * list, its coldest pages (mm/vmscan.c shrink_inactive_list; which pages a later touch finds out
   * follows from the count, {@link TouchLocality}). Of those, the ones a hypervisor had swapped,
   * compressed or merged are their even share, since the host chose them blind to temperature (on a
   * shared kernel, where host reclaim also took cold pages, an approximation).
   */
  void swapOut(long k, Runnable written) {
    if (k <= 0) {
      return;
    }
    long hs = Draws.portion(t.hostSwappedAnon, k, t.anon);
    long cp = Math.min(t.compressed, Draws.portion(t.compressed, k, t.anon));
    long sh = Math.min(t.shared, Draws.portion(t.shared, k, t.anon));
    long wb =
        Draws.portion(
            t.wbAnon, k - hs - cp - sh, t.anon - t.hostSwappedAnon - t.compressed - t.shared);
    t.wbAnon -= wb;
    t.hostSwappedAnon -= hs;
    t.compressed -= cp;
    t.shared -= sh;
    t.anon -= k;
    t.swapped += k;
    if (t.kind.virtualSwap()) {
      t.hostSwappedVswap += hs; // already on the host's disk: it stays there
      t.wbVswap += wb; // still being written to the host's disk: it stays in RAM until then
      pendingDelayNanos += k * t.host().config().vswapFaultNanos();
      written.run();
    } else if (t.kind.swapOnHost()) {
      t.io.swapWrites(k - hs, true, written);
    } else if (hs > 0) {
      // Double paging: a page the host had swapped must come back before the guest writes it out.
      t.io.faultReads(hs, () -> t.io.swapWrites(k, false, written));
    } else {
      t.io.swapWrites(k, false, written);
    }
  }

  /**
   * Drops the pending delay (a caller that does not wait) and starts the pending reads in the
   * background: they still load the disk.
   */
  void payInBackground() {
    pendingDelayNanos = 0;
    stalls.clear();
    ownWrites = null;
    if (pendingReads > 0) {
      t.io.faultReads(pendingReads, () -> {});
      pendingReads = 0;
    }
  }

  /**
   * Makes the caller wait for the pending costs plus {@code extraDelay} ns and {@code extraReads}
   * page reads, then runs {@code done}.
   */
  void pay(long extraDelay, long extraReads, Runnable done) {
    long delay = extraDelay + pendingDelayNanos;
    long reads = extraReads + pendingReads;
    pendingDelayNanos = 0;
    pendingReads = 0;
    ownWrites = null;
    Runnable read = reads == 0 ? done : () -> t.io.faultReads(reads, done);
    Runnable afterStall =
        delay == 0 ? read : () -> t.host().simulation().scheduleAfter(delay, read);
    if (!anyPending(stalls)) {
      stalls.clear();
      afterStall.run();
      return;
    }
    // The frames the request needs are free once the writes it waits for are on the device: the
    // stall comes first, then the fault reads into those frames.
    List<WriteWait> waits = List.copyOf(stalls);
    stalls.clear();
    new Stall(afterStall).await(waits);
  }

  /**
   * One request stalled in reclaim. Whichever comes first resumes it: the writes it waits for on
   * the device, or the end of a nap. Reclaim does not wait for its writes without end: it naps in
   * congestion_wait(BLK_RW_ASYNC, HZ/10) and retries (mm/vmscan.c, do_try_to_free_pages, 2.6.32 and
   * later). A retry that finds the host still without a free frame while a write it waits for is in
   * flight naps again (an allocation does not go on without a frame: mm/page_alloc.c
   * __alloc_pages_slowpath retries); otherwise the request goes on. It waits only for the writes it
   * was stalled on (its own and the host's issued up to its pass), never for later ones: the frames
   * those free are its. A nap's timer is cancelled when the writes win, so a short stall costs no
   * extra event.
   */
  private final class Stall {
    private final Runnable then;
    private final long started;
    private List<WriteWait> waits = List.of();
    private boolean resumed;
    private @Nullable EventHandle nap;

    Stall(Runnable then) {
      this.then = then;
      this.started = t.host().simulation().now();
    }

    void await(List<WriteWait> stalledOn) {
      waits = stalledOn;
      awaitAll(waits, 0, this::resume);
      napUnlessResumed();
    }

    private void napUnlessResumed() {
      if (!resumed) {
        nap = t.host().simulation().scheduleAfter(CONGESTION_WAIT_NANOS, this::retry);
      }
    }

    private void retry() {
      nap = null;
      if (resumed) {
        return;
      }
      if (t.host().freePages() < 0 && anyPending(waits) && !t.killed()) {
        napUnlessResumed(); // the writes' completion still resumes it
      } else {
        resume();
      }
    }

    private void resume() {
      if (resumed) {
        return;
      }
      resumed = true;
      EventHandle pending = nap;
      if (pending != null) {
        pending.cancel();
        nap = null;
      }
      t.recordStall(t.host().simulation().now() - started);
      then.run();
    }
  }

  /** The longest nap of a reclaiming task waiting for writeback: HZ/10 (mm/vmscan.c). */
  static final long CONGESTION_WAIT_NANOS = 100_000_000L;

  /** Whether a write some wait is for is still outstanding (no stream: this runs per request). */
  private static boolean anyPending(List<WriteWait> waits) {
    for (WriteWait wait : waits) {
      if (wait.pending()) {
        return true;
      }
    }
    return false;
  }

  private static void awaitAll(List<WriteWait> waits, int from, Runnable then) {
    if (from == waits.size()) {
      then.run();
    } else {
      waits.get(from).whenWritten(() -> awaitAll(waits, from + 1, then));
    }
  }
}
