package dev.oversold.planner;

import java.util.List;

/**
 * What the search asks: how the victims fare with {@code count} tenants of the planned definition.
 * The real one simulates; tests hand in cheap functions. Replications are asked for in batches so
 * an implementation can run them in parallel; replication {@code r} must always give the same
 * observation for the same count (its seed derives only from the count's scenario and {@code r}).
 */
@FunctionalInterface
public interface Outcomes {
  /** Observations of replications {@code from .. to-1} (in that order) at {@code count}. */
  List<Observation> observe(int count, int from, int to) throws InterruptedException;
}
