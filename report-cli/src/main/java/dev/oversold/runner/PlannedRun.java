package dev.oversold.runner;

import dev.oversold.core.model.Scenario;
import java.util.Objects;

/**
 * One independent simulation of an experiment.
 *
 * @param replication 0-based replication index (seed = scenario seed + replication)
 * @param kind what it is for
 * @param subject the tenant alone (baseline), the member left out (without), or empty (shared)
 * @param scenario what to simulate
 */
public record PlannedRun(int replication, RunKind kind, String subject, Scenario scenario) {
  public PlannedRun {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(scenario, "scenario");
  }
}
