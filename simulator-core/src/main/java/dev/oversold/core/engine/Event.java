package dev.oversold.core.engine;

/**
 * One entry of the event queue. Ordered by (time, sequence): the sequence number is assigned when
 * the event is scheduled, so two events due at the same instant run in the order they were
 * scheduled.
 */
final class Event implements EventHandle {
  final Simulation owner;
  long time;
  long sequence;
  Runnable action;

  /**
   * Where the queue keeps the event (its slot in {@link EventQueue}; its heap position in the
   * tests' reference queue), or -1 when not queued.
   */
  int queueIndex = -1;

  Event(Simulation owner, long time, long sequence, Runnable action) {
    this.owner = owner;
    this.time = time;
    this.sequence = sequence;
    this.action = action;
  }

  boolean before(Event other) {
    return time < other.time || (time == other.time && sequence < other.sequence);
  }

  @Override
  public long time() {
    return time;
  }

  @Override
  public boolean isPending() {
    return queueIndex >= 0;
  }

  @Override
  public void cancel() {
    owner.cancel(this);
  }
}
