package dev.oversold.core.storage;

/**
 * How long a device takes for one request, in two parts: positioning on one of the device's
 * parallel units (a disk arm's seek and rotation, a flash die's access latency) and the data
 * transfer over the device's one channel.
 */
public interface ServiceTimeModel {
  /** Time a unit is held before the data moves, in ns; 0 for a sequential continuation. */
  long positioningNanos(BlockRequest request);

  /** Time the channel is held to move the request's bytes, in ns. */
  long transferNanos(BlockRequest request);

  /** Parallel units that position at once (1 for a disk arm; channels times dies for flash). */
  int units();

  /**
   * Whether a unit stays busy through its transfer: a disk arm reads its own data (one server for
   * positioning plus transfer), while flash units hand data to the shared channel and take the next
   * request.
   */
  boolean unitHeldThroughTransfer();
}
