package dev.oversold.core.engine;

/**
 * The clock and the event queue of one simulation run. Single-threaded: everything that happens in
 * a run happens inside an event action called from {@link #runUntil(long)}.
 *
 * <p>Event order is total: by due time, then by the order in which events were scheduled. Moving an
 * event ({@link #reschedule}) gives it a fresh sequence number, as if it had been scheduled anew.
 */
public final class Simulation {
  /** The interrupt flag is read every 4096 events: microseconds apart, and free in between. */
  private static final long INTERRUPT_CHECK_MASK = 4095;

  private final EventQueue queue = new EventQueue();
  private long now;
  private long nextSequence;
  private long eventsRun;
  private boolean running;

  /** The current simulated instant in nanoseconds. */
  public long now() {
    return now;
  }

  /** Events run so far. */
  public long eventsRun() {
    return eventsRun;
  }

  /** Events currently waiting in the queue. */
  public int pendingEvents() {
    return queue.size();
  }

  /**
   * Schedules {@code action} at the absolute instant {@code time}, which must not be in the past.
   */
  public EventHandle schedule(long time, Runnable action) {
    checkNotPast(time);
    Event event = new Event(this, time, nextSequence++, action);
    queue.add(event);
    return event;
  }

  /**
   * Schedules {@code action} after {@code delay} nanoseconds (saturating at {@link SimTime#NEVER}).
   */
  public EventHandle scheduleAfter(long delay, Runnable action) {
    if (delay < 0) {
      throw new IllegalArgumentException("negative delay: " + delay + " ns");
    }
    return schedule(SimTime.plus(now, delay), action);
  }

  /**
   * Moves a pending event to {@code time} (or queues it again if it already ran or was cancelled)
   * and returns it. Cheaper than cancel plus schedule: no allocation.
   */
  public EventHandle reschedule(EventHandle handle, long time) {
    checkNotPast(time);
    Event event = (Event) handle;
    if (event.owner != this) {
      throw new IllegalArgumentException("event belongs to another simulation");
    }
    event.time = time;
    event.sequence = nextSequence++;
    if (event.queueIndex >= 0) {
      queue.changed(event);
    } else {
      queue.add(event);
    }
    return event;
  }

  void cancel(Event event) {
    queue.remove(event);
  }

  /**
   * Runs every event due at or before {@code endTime}, in order, then leaves the clock at {@code
   * endTime}. Events scheduled later stay queued, so a run can be continued.
   *
   * @throws SimulationInterruptedException when the thread is interrupted meanwhile
   */
  public void runUntil(long endTime) {
    if (endTime < now) {
      throw new IllegalArgumentException(
          "end time " + SimTime.format(endTime) + " is before now " + SimTime.format(now));
    }
    if (running) {
      throw new IllegalStateException("runUntil called from inside an event");
    }
    running = true;
    try {
      Event next;
      while ((next = queue.pollDue(endTime)) != null) {
        now = next.time;
        if ((++eventsRun & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
          throw new SimulationInterruptedException(now);
        }
        next.action.run();
      }
      now = endTime;
    } finally {
      running = false;
    }
  }

  private void checkNotPast(long time) {
    if (time < now) {
      throw new IllegalArgumentException(
          "cannot schedule at " + time + " ns: the clock is already at " + now + " ns");
    }
  }
}
