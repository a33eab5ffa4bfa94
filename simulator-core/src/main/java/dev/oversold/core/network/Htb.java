package dev.oversold.core.network;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.SimTime;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code htb} with one class per shaped sender under the link (net/sched/sch_htb.c, as `tc` sets it
 * up for per-tenant shaping): each class has a guaranteed {@code rate} and may borrow up to its
 * {@code ceil} when the link has room. Token buckets in bytes, refilled at rate and ceil up to one
 * burst each, decide: a class with rate tokens sends first (round robin among such classes), then
 * classes that can still borrow, up to their ceil. A flood in one class can take spare capacity but
 * never another class's guaranteed rate. Frames of a flow without a class are dropped; each class
 * queues at most {@code limit} packets (pfifo, tail drop).
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

  private static final class HtbClass {
    final ClassSpec spec;
    final ArrayDeque<Frame> frames = new ArrayDeque<>();
    int queued;
    double tokens;
    double ceilTokens;
    long updated;
    boolean listed;

    HtbClass(ClassSpec spec) {
      this.spec = spec;
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
      return frames.getFirst().payloadBytes() + 14L;
    }

    /** Packets of the head batch the bucket pays for now: at least one, within maxFrames. */
    int affordable(double bucket, int maxFrames) {
      Frame head = frames.getFirst();
      long n = Math.max(1, (long) (bucket / size()));
      long fit = Math.max(1, maxFrames / head.framesPerPacket());
      return (int) Math.min(Math.min(n, fit), head.packets());
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
  private final ArrayDeque<HtbClass> active = new ArrayDeque<>();
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
    classes.put(flow, new HtbClass(spec));
  }

  @Override
  public boolean enqueue(Frame frame, long now) {
    HtbClass c = classes.get(frame.flow());
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
      active.addLast(c);
    }
    return true;
  }

  @Override
  public Frame dequeue(long now, Consumer<Frame> dropped, int maxFrames) {
    boolean ownRate = true;
    HtbClass chosen = pick(now, true);
    if (chosen == null) {
      ownRate = false;
      chosen = pick(now, false);
    }
    if (chosen == null) {
      return null;
    }
    int count = chosen.affordable(ownRate ? chosen.tokens : chosen.ceilTokens, maxFrames);
    long size = chosen.size() * count;
    chosen.tokens -= size;
    chosen.ceilTokens -= size;
    Frame head = chosen.frames.getFirst();
    Frame frame = count < head.packets() ? head.take(count) : head;
    if (frame == head) {
      chosen.frames.pollFirst();
    }
    chosen.queued -= count;
    backlog -= count;
    active.remove(chosen);
    if (chosen.frames.isEmpty()) {
      chosen.listed = false;
    } else {
      active.addLast(chosen);
    }
    return frame;
  }

  /** The first class in round-robin order that may send: on its own rate, or borrowing. */
  private HtbClass pick(long now, boolean ownRate) {
    for (HtbClass c : active) {
      c.refill(now);
      long size = c.size();
      if (ownRate ? c.tokens >= size : c.ceilTokens >= size) {
        return c;
      }
    }
    return null;
  }

  @Override
  public long readyAt(long now) {
    long earliest = Long.MAX_VALUE;
    for (HtbClass c : active) {
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
