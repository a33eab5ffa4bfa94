package dev.oversold.core.storage;

import dev.oversold.core.engine.SimDuration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Linux {@code cfq} as OpenVZ's 2.6.32 kernels ran it (block/cfq-iosched.c): each queue (a
 * container, a process) in turn gets the device for a time slice, 100 ms for a sync queue and 40 ms
 * for an async (writeback) one, scaled by the queue's weight (ioprio 4 = 1.0; the kernel's {@code
 * cfq_prio_slice} gives prio 0 1.8x and prio 7 0.4x). During its slice only the active queue
 * dispatches, at most {@code cfq_quantum} (4) requests in the device at once. When a sync queue
 * runs dry, CFQ keeps the device idle for up to {@code slice_idle} (8 ms) in case the same process
 * issues its next request, instead of seeking away to another queue.
 *
 * <p>So CFQ shares device <em>time</em>, not bytes: a seeky queue gets as much time as a streaming
 * one, and a single shared scheduler puts every tenant behind whoever holds the slice.
 */
public final class CfqScheduler implements IoScheduler {
  /** cfq_slice_sync: HZ / 10. */
  static final long SLICE_SYNC_NANOS = SimDuration.ofMillis(100).nanos();

  /** cfq_slice_async: HZ / 25. */
  static final long SLICE_ASYNC_NANOS = SimDuration.ofMillis(40).nanos();

  /** cfq_slice_idle: HZ / 125. */
  static final long SLICE_IDLE_NANOS = SimDuration.ofMillis(8).nanos();

  /** cfq_quantum in 2.6.32: requests of the active queue in the device at once. */
  static final int QUANTUM = 4;

  private static final class QueueState {
    final IoQueue queue;
    final ArrayDeque<BlockRequest> requests = new ArrayDeque<>();
    int inFlight;
    boolean sync;
    boolean onTree;

    QueueState(IoQueue queue) {
      this.queue = queue;
    }

    long slice() {
      return Math.round((sync ? SLICE_SYNC_NANOS : SLICE_ASYNC_NANOS) * queue.weight());
    }
  }

  private final Map<IoQueue, QueueState> queues = new HashMap<>();
  private final ArrayDeque<QueueState> serviceTree = new ArrayDeque<>();
  private QueueState active;
  private long sliceEnd = -1;
  private long idleUntil = -1;
  private int waiting;

  @Override
  public void add(BlockRequest request, long now) {
    QueueState state = queues.computeIfAbsent(request.queue(), QueueState::new);
    state.sync = request.sync();
    state.requests.addLast(request);
    waiting++;
    if (state == active) {
      idleUntil = -1;
    } else if (!state.onTree) {
      state.onTree = true;
      serviceTree.addLast(state);
    }
  }

  @Override
  public BlockRequest next(long now) {
    while (true) {
      if (active == null && !activateNext()) {
        return null;
      }
      if (sliceEnd >= 0 && now >= sliceEnd) {
        expireActive();
        continue;
      }
      if (!active.requests.isEmpty()) {
        if (active.inFlight >= QUANTUM) {
          return null;
        }
        if (sliceEnd < 0) {
          sliceEnd = now + active.slice();
        }
        active.inFlight++;
        waiting--;
        return active.requests.pollFirst();
      }
      // The active queue is empty: a sync queue keeps the device while its requests are in flight
      // and for the idle window after the last one completes; an async one yields at once.
      if (active.sync && (active.inFlight > 0 || idleUntil > now)) {
        return null;
      }
      expireActive();
    }
  }

  private boolean activateNext() {
    active = serviceTree.pollFirst();
    if (active == null) {
      return false;
    }
    active.onTree = false;
    sliceEnd = -1;
    idleUntil = -1;
    return true;
  }

  private void expireActive() {
    if (!active.requests.isEmpty()) {
      active.onTree = true;
      serviceTree.addLast(active);
    }
    active = null;
  }

  @Override
  public void completed(BlockRequest request, long now) {
    QueueState state = queues.get(request.queue());
    state.inFlight--;
    if (state == active && state.sync && state.inFlight == 0 && state.requests.isEmpty()) {
      idleUntil = sliceEnd >= 0 ? Math.min(now + SLICE_IDLE_NANOS, sliceEnd) : now;
    }
  }

  @Override
  public long retryAt(long now) {
    if (active != null && active.requests.isEmpty() && active.inFlight == 0 && idleUntil > now) {
      return idleUntil;
    }
    return Long.MAX_VALUE;
  }

  @Override
  public int waiting() {
    return waiting;
  }

  @Override
  public boolean honoursWeights() {
    return true;
  }
}
