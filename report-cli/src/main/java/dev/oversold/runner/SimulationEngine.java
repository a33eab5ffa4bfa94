package dev.oversold.runner;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.runtime.Simulator;

/** Runs one scenario; the real one is {@link Simulator#run}, tests substitute their own. */
@FunctionalInterface
public interface SimulationEngine {
  SimulationEngine SIMULATOR = Simulator::run;

  SimulationResult run(Scenario scenario);
}
