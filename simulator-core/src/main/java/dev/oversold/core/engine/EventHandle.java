package dev.oversold.core.engine;

/** A scheduled event that its owner may cancel or move. */
public interface EventHandle {
  /** The instant the event is due, in nanoseconds. */
  long time();

  /** True until the event has run or been cancelled. */
  boolean isPending();

  /** Removes the event from the queue; does nothing if it already ran or was cancelled. */
  void cancel();
}
