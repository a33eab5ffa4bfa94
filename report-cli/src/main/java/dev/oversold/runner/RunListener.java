package dev.oversold.runner;

import dev.oversold.core.result.SimulationResult;

/**
 * Told about single runs of a {@link ParallelRunner} batch by their index in the batch: {@link
 * #started} on the worker thread that runs it (possibly several at once), {@link #finished} on the
 * thread that called {@code runAll}, one at a time.
 */
public interface RunListener {
  RunListener NONE = (index, result) -> {};

  /** Run {@code index} is about to start; must be thread-safe and quick. */
  default void started(int index) {}

  /**
   * Run {@code index} has finished with {@code result}; the batch waits while this runs.
   *
   * @throws InterruptedException to stop the batch (the runs still going are cancelled)
   */
  void finished(int index, SimulationResult result) throws InterruptedException;
}
