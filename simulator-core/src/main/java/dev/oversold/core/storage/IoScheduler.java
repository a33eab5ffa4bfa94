package dev.oversold.core.storage;

/**
 * The host's block I/O scheduler: holds requests the device has no room for yet and decides which
 * goes next. The device asks for the next request whenever it has a free slot; a scheduler may hold
 * back (CFQ idling for a sync queue) and name the time to ask again.
 */
public interface IoScheduler {
  /**
   * Called once by the device the scheduler serves, when it is created at {@code now}: {@code
   * queueDepth} is how many requests the device accepts at once (CFQ tells a queueing device by
   * it).
   */
  default void attach(int queueDepth, long now) {}

  /** What the scheduler does with a request that arrives at {@code now}. */
  void add(BlockRequest request, long now);

  /** The request to dispatch now, or null to dispatch nothing (empty, or idling). */
  BlockRequest next(long now);

  /** Called when a dispatched request completes, before the device asks for the next one. */
  default void completed(BlockRequest request, long now) {}

  /**
   * When {@link #next} returned null while requests wait: the time to ask again (the end of an idle
   * window); {@code Long.MAX_VALUE} when only a new arrival or completion can change the answer.
   */
  default long retryAt(long now) {
    return Long.MAX_VALUE;
  }

  /** Requests held, not yet dispatched. */
  int waiting();

  /** Whether the scheduler shares the device by queue weight. */
  boolean honoursWeights();
}
