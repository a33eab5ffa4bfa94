package dev.oversold.core.storage;

import dev.oversold.core.engine.SimDuration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Linux {@code cfq} as OpenVZ's 2.6.32 kernels (RHEL 6) ran it (block/cfq-iosched.c): each queue (a
 * container, a process) in turn gets the device for a time slice, 100 ms for a sync queue and 40 ms
 * for an async (writeback) one, scaled by the queue's weight (ioprio 4 = 1.0; the kernel's {@code
 * cfq_prio_slice} gives prio 0 1.8x and prio 7 0.4x). During its slice only the active queue
 * dispatches, at most {@code cfq_quantum} (4) requests in the device at once (16 when it is the
 * only busy queue). When a sync queue runs dry, CFQ keeps the device idle for up to {@code
 * slice_idle} (8 ms) in case the same process issues its next request, instead of seeking away to
 * another queue.
 *
 * <p>What 2.6.32 adds on top, each modelled here:
 *
 * <ul>
 *   <li><b>No idle window for a seeky queue on a device with command queueing</b> ({@code
 *       cfq_update_idle_window}: {@code enable_idle = 0} when {@code hw_tag && CIC_SEEKY}). The
 *       kernel sets {@code hw_tag} when it has seen at least {@code CFQ_HW_QUEUE_MIN} (5) requests
 *       in the driver at once ({@code cfq_update_hw_tag}; it starts at 1 and is cleared after 50
 *       samples below 5). Assumption: we take the outcome of that detection on a loaded device,
 *       {@code hw_tag = queueDepth >= 5}. Seekiness: the kernel keeps a 7/8-decaying mean seek
 *       distance ({@code cfq_update_io_seektime}) and calls a process seeky above 8,192 sectors.
 *       Requests here carry no sector, so assumption: a random request counts 1 and a sequential
 *       one 0 in the same 7/8-decaying mean (with the kernel's sample weight, valid after three
 *       requests, {@code sample_valid}: more than 80 of 256), and a queue is seeky when that share
 *       exceeds 1/2.
 *   <li><b>A sync request preempts an async slice</b> ({@code cfq_should_preempt}: "if the new
 *       request is sync, but the currently running queue is not, let the sync request have
 *       priority"; {@code cfq_preempt_queue} expires the async queue and serves the sync one next
 *       with a fresh slice).
 *   <li><b>Dispatch rules of {@code cfq_dispatch_requests}</b>: a sync queue that idles waits for
 *       async requests in the device to drain before it dispatches; an async queue waits while sync
 *       requests are in flight; with {@code low_latency} (on by default in 2.6.32's {@code
 *       cfq_init_queue}) an async queue may have only one request in the device per 100 ms since
 *       the last sync completion ({@code last_end_sync_rq}), at least one.
 *   <li><b>low_latency slice scaling</b> ({@code cfq_set_prio_slice}, with {@code
 *       cfq_target_latency} = 300 ms and {@code cfq_get_avg_queues}): when the average number of
 *       busy queues times the 100 ms sync slice exceeds 300 ms, every slice shrinks in proportion,
 *       down to {@code 2 x slice_idle} scaled like the slice. This code is mainline 2.6.33 (Corrado
 *       Zoccolo's "adapt slice to number of processes doing I/O"); assumption: RHEL 6's 2.6.32,
 *       which backported most of 2.6.33's CFQ, has it.
 * </ul>
 *
 * <p>Not modelled: think-time tracking (a process whose mean think time exceeds slice_idle loses
 * its idle window), the 2 ms cap on the idle window of a seeky queue on a device without NCQ
 * ({@code CFQ_MIN_TT} in {@code cfq_arm_slice_timer}), slice residue credited to a preempted queue,
 * the slice starting at the first completion rather than the first dispatch, and the rb-tree order
 * of queues (a round robin here).
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

  /** cfq_target_latency: HZ * 3 / 10 (2.6.33), the low_latency target across busy queues. */
  static final long TARGET_LATENCY_NANOS = SimDuration.ofMillis(300).nanos();

  /** cfq_quantum in 2.6.32: requests of the active queue in the device at once. */
  static final int QUANTUM = 4;

  /** CFQ_HW_QUEUE_MIN: requests in the driver at once from which the device counts as queueing. */
  static final int HW_QUEUE_MIN = 5;

  /** cfq_hist_divisor: weight of the history in the average number of busy queues. */
  private static final int HIST_DIVISOR = 4;

  /** Full weight of a seek sample, and the weight above which samples are valid (sample_valid). */
  private static final int SAMPLE_WEIGHT = 256;

  private static final int SAMPLES_VALID = 80;

  static final class QueueState {
    final IoQueue queue;
    final ArrayDeque<BlockRequest> requests = new ArrayDeque<>();
    int inFlight;
    boolean sync;
    boolean onTree;
    long treeEntry;
    // cfq_update_io_seektime, with a random request as distance 1 and a sequential one as 0.
    int seekSamples;
    double seekTotal;
    // cfq_cfqq_idle_window: set for sync queues when created, updated on every request.
    boolean idleWindow = true;

    QueueState(IoQueue queue) {
      this.queue = queue;
    }

    long baseSlice() {
      return Math.round((sync ? SLICE_SYNC_NANOS : SLICE_ASYNC_NANOS) * queue.weight());
    }

    boolean seeky() {
      return seekSamples > SAMPLES_VALID && seekTotal / seekSamples > 0.5;
    }
  }

  /** A queue's place in the round robin; stale once the queue left the tree by preemption. */
  private record TreeEntry(QueueState state, long entry) {}

  private final boolean lowLatency;
  private final Map<IoQueue, QueueState> queues = new HashMap<>();
  private final ArrayDeque<TreeEntry> serviceTree = new ArrayDeque<>();
  private int onTree;
  private long nextEntry;
  private @Nullable QueueState active;
  private long sliceEnd = -1;
  private long idleUntil = -1;
  private int waiting;
  private boolean hwTag;
  private int syncInFlight;
  private int asyncInFlight;
  private long lastEndSync;
  private int busyQueuesAvg;

  /** CFQ with {@code low_latency} on, 2.6.32's default. */
  public CfqScheduler() {
    this(true);
  }

  /**
   * @param lowLatency the {@code low_latency} tunable (/sys/block/DEV/queue/iosched/low_latency):
   *     slice scaling to the 300 ms target and the async dispatch ramp after sync completions
   */
  public CfqScheduler(boolean lowLatency) {
    this.lowLatency = lowLatency;
  }

  @Override
  public void attach(int queueDepth, long now) {
    hwTag = queueDepth >= HW_QUEUE_MIN;
    // cfq_init_queue: last_end_sync_rq = jiffies.
    lastEndSync = now;
  }

  /** Whether the device counts as queueing (the kernel's {@code hw_tag}). */
  boolean hwTag() {
    return hwTag;
  }

  /** {@code queue}'s state, made on its first request. */
  private QueueState stateOf(IoQueue queue) {
    QueueState state = queue.cfqState;
    if (queue.cfqOwner != this || state == null) {
      state = queues.computeIfAbsent(queue, QueueState::new);
      queue.cfqOwner = this;
      queue.cfqState = state;
    }
    return state;
  }

  @Override
  public void add(BlockRequest request, long now) {
    QueueState state = stateOf(request.queue());
    state.sync = request.sync();
    if (state.sync) {
      state.seekSamples = (7 * state.seekSamples + SAMPLE_WEIGHT) / 8;
      state.seekTotal = (7 * state.seekTotal + (request.sequential() ? 0 : SAMPLE_WEIGHT)) / 8;
      state.idleWindow = !(hwTag && state.seeky());
    }
    state.requests.addLast(request);
    waiting++;
    QueueState current = active;
    if (state == current) {
      idleUntil = -1;
      return;
    }
    if (!state.onTree) {
      putOnTree(state);
    }
    if (current != null && request.sync() && !current.sync) {
      preempt(state);
    }
  }

  private void putOnTree(QueueState state) {
    state.onTree = true;
    state.treeEntry = nextEntry++;
    serviceTree.addLast(new TreeEntry(state, state.treeEntry));
    onTree++;
  }

  /** cfq_preempt_queue: the async slice ends now and {@code state} is served next, slice anew. */
  private void preempt(QueueState state) {
    expireActive();
    state.onTree = false; // its tree entry goes stale
    onTree--;
    active = state;
    sliceEnd = -1;
    idleUntil = -1;
  }

  @Override
  public @Nullable BlockRequest next(long now) {
    while (true) {
      QueueState current = active;
      if (current == null) {
        current = activateNext();
        if (current == null) {
          return null;
        }
      }
      if (sliceEnd >= 0 && now >= sliceEnd) {
        expireActive();
        continue;
      }
      if (!current.requests.isEmpty()) {
        return dispatchFrom(current, now);
      }
      // cfq_select_queue: an empty queue keeps the device while it idles, or while its requests
      // are in flight if it has an idle window; otherwise (async, or seeky on NCQ) it yields.
      if (current.sync && current.idleWindow && (current.inFlight > 0 || idleUntil > now)) {
        return null;
      }
      expireActive();
    }
  }

  /** cfq_dispatch_requests for the active queue, which has requests waiting. */
  private @Nullable BlockRequest dispatchFrom(QueueState current, long now) {
    // Drain async requests before a sync queue that idles starts.
    if (current.sync && current.idleWindow && asyncInFlight > 0) {
      return null;
    }
    // An async queue waits while sync requests are in flight.
    if (!current.sync && syncInFlight > 0) {
      return null;
    }
    long maxDispatch = QUANTUM;
    if (current.inFlight >= maxDispatch) {
      if (busyQueues() > 1) {
        return null;
      }
      maxDispatch *= 4; // the sole busy queue may go deeper
    }
    if (!current.sync && lowLatency) {
      // Async depth ramps up by one per sync slice since the last sync completion.
      long depth = (now - lastEndSync) / SLICE_SYNC_NANOS;
      if (depth == 0 && current.inFlight == 0) {
        depth = 1;
      }
      maxDispatch = Math.min(maxDispatch, depth);
    }
    if (current.inFlight >= maxDispatch) {
      return null;
    }
    if (sliceEnd < 0) {
      sliceEnd = now + slice(current);
    }
    current.inFlight++;
    waiting--;
    BlockRequest request = current.requests.pollFirst();
    if (request.sync()) {
      syncInFlight++;
    } else {
      asyncInFlight++;
    }
    return request;
  }

  /** Queues with requests waiting (the kernel's busy_queues): on the tree, plus the active one. */
  private int busyQueues() {
    QueueState current = active;
    return onTree + (current != null && !current.requests.isEmpty() ? 1 : 0);
  }

  /** cfq_set_prio_slice, with 2.6.33's low_latency scaling. */
  private long slice(QueueState state) {
    long slice = state.baseSlice();
    if (!lowLatency) {
      return slice;
    }
    // cfq_get_avg_queues: rises to a new maximum quickly, decays by a quarter per slice.
    int busy = busyQueues();
    int min = Math.min(busyQueuesAvg, busy);
    int max = Math.max(busyQueuesAvg, busy);
    busyQueuesAvg = ((HIST_DIVISOR - 1) * max + min + HIST_DIVISOR / 2) / HIST_DIVISOR;
    long expectLatency = SLICE_SYNC_NANOS * busyQueuesAvg;
    if (expectLatency <= TARGET_LATENCY_NANOS) {
      return slice;
    }
    long lowSlice = Math.min(slice, 2 * SLICE_IDLE_NANOS * slice / SLICE_SYNC_NANOS);
    return Math.max(slice * TARGET_LATENCY_NANOS / expectLatency, lowSlice);
  }

  private @Nullable QueueState activateNext() {
    while (true) {
      TreeEntry entry = serviceTree.pollFirst();
      if (entry == null) {
        active = null;
        return null;
      }
      QueueState state = entry.state();
      if (state.onTree && state.treeEntry == entry.entry()) {
        state.onTree = false;
        onTree--;
        active = state;
        sliceEnd = -1;
        idleUntil = -1;
        return state;
      }
    }
  }

  private void expireActive() {
    QueueState current = active;
    if (current != null && !current.requests.isEmpty()) {
      putOnTree(current);
    }
    active = null;
  }

  @Override
  public void completed(BlockRequest request, long now) {
    QueueState state = stateOf(request.queue());
    state.inFlight--;
    if (request.sync()) {
      syncInFlight--;
      lastEndSync = now;
    } else {
      asyncInFlight--;
    }
    if (state != active || !state.sync || !state.requests.isEmpty()) {
      return;
    }
    if (!state.idleWindow) {
      // cfq_select_queue runs from the completion, before the process can issue its next
      // request: an empty queue without an idle window is expired at once.
      if (state.inFlight == 0) {
        expireActive();
      }
    } else if (state.inFlight == 0) {
      idleUntil = sliceEnd >= 0 ? Math.min(now + SLICE_IDLE_NANOS, sliceEnd) : now;
    }
  }

  @Override
  public long retryAt(long now) {
    QueueState current = active;
    if (current != null && current.requests.isEmpty() && current.inFlight == 0 && idleUntil > now) {
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
