package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.List;

/**
 * Where commands get scenarios from: a file path or the name of a bundled scenario, with {@code
 * --set} overrides. The real one is {@link LoaderScenarioSource}; tests hand in scenarios built in
 * code, so the commands can be tested without the loader.
 */
public interface ScenarioSource {
  /**
   * Resolves {@code FILE|NAME}; every problem with it comes back as a {@link ScenarioException}.
   */
  Scenario resolve(String fileOrName, List<ScenarioLoader.Override> overrides)
      throws ScenarioException;

  /** The bundled scenarios. */
  List<ScenarioLibrary.Entry> bundled();

  /** The JSON Schema of scenario files. */
  String schema();
}
