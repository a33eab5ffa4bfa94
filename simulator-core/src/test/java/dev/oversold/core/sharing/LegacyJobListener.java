package dev.oversold.core.sharing;

/**
 * Test-only copy of the job listener as it was before the pool's virtual clock (main at 37f34e8):
 * every change of a saturated pool runs a full water-filling pass and reschedules every busy share
 * whose allocation moved. Kept unchanged as the independent implementation that {@link
 * VirtualClockEquivalenceProperties} compares the current pool with.
 *
 * <p>Told when a job's work is done.
 */
@FunctionalInterface
public interface LegacyJobListener {
  void completed(LegacyJob job);
}
