package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code htb} with one class per shaped sender under the link (net/sched/sch_htb.c, as `tc` sets it
 * up for per-tenant shaping): each class has a guaranteed {@code rate} and may borrow up to its
 * {@code ceil} when the link has room. Token buckets in bytes, refilled at rate and ceil up to one
 * burst each, decide: classes with rate tokens send first, then classes that can still borrow, up
 * to their ceil. A flood in one class can take spare capacity but never another class's guaranteed
 * rate. Frames of a flow without a class are dropped; each class queues at most {@code limit}
 * packets (pfifo, tail drop).
 *
 * <p>Among the classes that may send at one level (on their own rate, or borrowing) HTB serves
 * deficit round robin by bytes, as {@code htb_dequeue_tree} does: the class at the level's pointer
 * sends a packet and its deficit for that level drops by the packet's bytes; once the deficit is
 * negative it gains the class's quantum and the pointer moves to the next class in classid order
 * (here: the order classes were added). So each class sends about one quantum of bytes per turn,
 * whatever its packet size, and spare capacity is lent in proportion to the quanta. The quantum is
 * rate / r2q with r2q = 10 (tc's default), clamped to [1,000, 200,000] bytes as {@code
 * htb_change_class} does when no quantum is given (it warns "quantum of class is small/big").
 * Deficits start at 0 and persist while a class is idle, as in sch_htb.
 */
public final class Htb implements Qdisc {
  /** A shaped sender's class. */
  public record ClassSpec(double rateBytesPerSecond, double ceilBytesPerSecond, long burstBytes) {
    public ClassSpec {
      Preconditions.checkArgument(rateBytesPerSecond > 0, "rate must be positive");
      Preconditions.checkArgument(
          ceilBytesPerSecond >= rateBytesPerSecond, "ceil must be at least the rate");
      Preconditions.checkArgument(burstBytes > 0, "burst must be positive");
    }
  }

  /** tc's default rate-to-quantum divisor ({@code r2q}, tc/q_htb.c; sch_htb's rate2quantum). */
  static final long R2Q = 10;

  /** sch_htb's bounds on a computed quantum, bytes ({@code htb_change_class}). */
  static final long MIN_QUANTUM = 1_000;

  static final long MAX_QUANTUM = 200_000;

  /**
   * The DRR levels this flat tree has: 0 = on the class's own rate, 1 = borrowing from the root.
   */
  private static final int OWN = 0;

  private static final int BORROW = 1;

  /** Bytes a class may send per DRR turn: rate / r2q, within sch_htb's bounds. */
  public static long quantum(double rateBytesPerSecond) {
    long q = (long) (rateBytesPerSecond / R2Q);
    return Math.max(MIN_QUANTUM, Math.min(MAX_QUANTUM, q));
  }

  static final class HtbClass {
    final ClassSpec spec;
    final int order;
    final long quantum;
    final long[] deficit = new long[2];
    final ArrayDeque<Frame> frames = new ArrayDeque<>();
    int queued;
    double tokens;
    double ceilTokens;
    long updated;
    boolean listed;

    HtbClass(ClassSpec spec, int order) {
      this.spec = spec;
      this.order = order;
      this.quantum = quantum(spec.rateBytesPerSecond());
      this.tokens = spec.burstBytes();
      this.ceilTokens = spec.burstBytes();
    }

    void refill(long now) {
      double seconds = (now - updated) / 1e9;
      tokens = Math.min(spec.burstBytes(), tokens + seconds * spec.rateBytesPerSecond());
      ceilTokens = Math.min(spec.burstBytes(), ceilTokens + seconds * spec.ceilBytesPerSecond());
      updated = now;
    }

    /** Bytes of one packet of the head frame as HTB counts it (packet + Ethernet header). */
    long size() {
      return frames.getFirst().ipBytesPerPacket() + 14L;
    }

    /**
     * Packets of the head batch sent now: at least one; no more than the bucket pays for, the ring
     * takes, or the class's DRR turn at {@code level} allows (packets are sent while the deficit is
     * not negative, so floor(deficit / size) + 1).
     */
    int affordable(double bucket, int maxFrames, int level) {
      Frame head = frames.getFirst();
      long n = Math.max(1, (long) (bucket / size()));
      long fit = Math.max(1, maxFrames / head.framesPerPacket());
      long turn = Math.max(0, deficit[level]) / size() + 1;
      return (int) Math.min(Math.min(Math.min(n, fit), turn), head.packets());
    }

    /** When the head frame fits in the ceil bucket (it can then at least borrow). */
    long ceilReadyAt(long now) {
      double missing = size() - ceilTokens;
      return missing <= 0
          ? now
          : SimTime.plus(now, (long) Math.ceil(missing / spec.ceilBytesPerSecond() * 1e9));
    }
  }

  private final Map<Flow, HtbClass> classes = new HashMap<>();

  /**
   * Classes with packets queued, sorted by classid (added) order, in {@code [0, activeCount)}. A
   * sorted array, not a tree: a dequeue scans it from the level's pointer and wraps, with no view,
   * iterator or boxed key per packet; a class joins or leaves it in one array copy.
   */
  private HtbClass[] active = new HtbClass[8];

  private int activeCount;

  /** Each level's DRR pointer: the order of the class whose turn it is (or the next one). */
  private final int[] pointer = new int[2];

  private final int limit;
  private int backlog;

  /**
   * @param limit packets each class may queue
   */
  public Htb(int limit) {
    Preconditions.checkArgument(limit >= 1, "queue length must be at least 1: %s", limit);
    this.limit = limit;
  }

  /** Gives {@code flow} its own class. */
  public void addClass(Flow flow, ClassSpec spec) {
    HtbClass c = new HtbClass(spec, classes.size());
    classes.put(flow, c);
    flow.htbOwner = this;
    flow.htbClass = c;
  }

  @Override
  public boolean enqueue(Frame frame, long now) {
    Flow flow = frame.flow();
    HtbClass c = flow.htbOwner == this ? flow.htbClass : classes.get(flow);
    if (c == null || c.queued >= limit) {
      return false;
    }
    if (c.queued + frame.packets() > limit) {
      frame.take(c.queued + frame.packets() - limit).drop();
    }
    c.frames.addLast(frame);
    c.queued += frame.packets();
    backlog += frame.packets();
    if (!c.listed) {
      c.listed = true;
      c.refill(now);
      activate(c);
    }
    return true;
  }

  @Override
  public Frame dequeue(long now, Consumer<Frame> dropped, int maxFrames) {
    int level = OWN;
    HtbClass chosen = pick(now, OWN);
    if (chosen == null) {
      level = BORROW;
      chosen = pick(now, BORROW);
    }
    if (chosen == null) {
      return null;
    }
    pointer[level] = chosen.order;
    int count =
        chosen.affordable(level == OWN ? chosen.tokens : chosen.ceilTokens, maxFrames, level);
    long size = chosen.size() * count;
    // htb_charge_class: a class sending on its own rate pays rate and ceil tokens; a class that
    // borrows pays only its ceil (the rate tokens are the lender's), so borrowing never eats into
    // its own guaranteed rate.
    if (level == OWN) {
      chosen.tokens -= size;
    }
    chosen.ceilTokens -= size;
    chosen.deficit[level] -= size;
    if (chosen.deficit[level] < 0) {
      // The turn is over: the class gains its quantum and the pointer moves on.
      chosen.deficit[level] += chosen.quantum;
      pointer[level] = chosen.order + 1;
    }
    Frame head = chosen.frames.getFirst();
    Frame frame = count < head.packets() ? head.take(count) : head;
    if (frame == head) {
      chosen.frames.pollFirst();
    }
    chosen.queued -= count;
    backlog -= count;
    if (chosen.frames.isEmpty()) {
      chosen.listed = false;
      deactivate(chosen);
    }
    return frame;
  }

  /**
   * Index of the first active class whose order is at least {@code order} ({@code activeCount} if
   * none).
   */
  private int firstAtOrAfter(int order) {
    int low = 0;
    int high = activeCount;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (active[middle].order < order) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private void activate(HtbClass c) {
    if (activeCount == active.length) {
      active = Arrays.copyOf(active, 2 * activeCount);
    }
    int at = firstAtOrAfter(c.order);
    System.arraycopy(active, at, active, at + 1, activeCount - at);
    active[at] = c;
    activeCount++;
  }

  private void deactivate(HtbClass c) {
    int at = firstAtOrAfter(c.order);
    System.arraycopy(active, at + 1, active, at, activeCount - at - 1);
    activeCount--;
    active[activeCount] = null;
  }

  /**
   * The class whose turn it is at {@code level}: the first active class, from the level's pointer
   * on in classid order and wrapping, that may send (rate tokens for its own level, ceil tokens to
   * borrow).
   */
  private @Nullable HtbClass pick(long now, int level) {
    int start = firstAtOrAfter(pointer[level]);
    HtbClass found = firstEligible(start, activeCount, now, level);
    return found != null ? found : firstEligible(0, start, now, level);
  }

  /** The first class in {@code active[from, to)} that may send at {@code level}, refilled now. */
  private @Nullable HtbClass firstEligible(int from, int to, long now, int level) {
    for (int i = from; i < to; i++) {
      HtbClass c = active[i];
      c.refill(now);
      long size = c.size();
      if (level == OWN ? c.tokens >= size : c.ceilTokens >= size) {
        return c;
      }
    }
    return null;
  }

  @Override
  public long readyAt(long now) {
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < activeCount; i++) {
      HtbClass c = active[i];
      c.refill(now);
      earliest = Math.min(earliest, c.ceilReadyAt(now));
    }
    return earliest;
  }

  @Override
  public int backlog() {
    return backlog;
  }
}
