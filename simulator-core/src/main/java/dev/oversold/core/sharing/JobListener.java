package dev.oversold.core.sharing;

/** Told when a job's work is done. */
@FunctionalInterface
public interface JobListener {
  void completed(Job job);
}
