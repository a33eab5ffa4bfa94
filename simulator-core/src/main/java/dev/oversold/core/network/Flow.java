package dev.oversold.core.network;

import org.jspecify.annotations.Nullable;

/**
 * A stream of frames that a queueing discipline tells apart (fq_codel hashes the 5-tuple; a shaped
 * host puts each tenant in its own HTB class). Counts what became of its frames.
 */
public final class Flow {
  private final String name;
  private long delivered;
  private long dropped;
  private long deliveredBytes;

  /**
   * The fq_codel qdisc that last queued this flow's frames and its queue for the flow, so that the
   * next frame finds it with two field loads instead of a hash-map lookup (fq_codel keeps a flow's
   * queue for the qdisc's lifetime; a flow through another qdisc falls back to that qdisc's map).
   */
  @Nullable FqCodel fqOwner;

  FqCodel.@Nullable FlowQueue fqQueue;

  /** The HTB that last gave this flow a class, and that class (as for fq_codel above). */
  @Nullable Htb htbOwner;

  Htb.@Nullable HtbClass htbClass;

  public Flow(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Packets delivered. */
  public long delivered() {
    return delivered;
  }

  /** Packets dropped. */
  public long dropped() {
    return dropped;
  }

  public long deliveredBytes() {
    return deliveredBytes;
  }

  void delivered(Frame frame) {
    delivered += frame.packets();
    deliveredBytes += frame.bytes();
  }

  void dropped(Frame frame) {
    dropped += frame.packets();
  }

  @Override
  public String toString() {
    return name;
  }
}
