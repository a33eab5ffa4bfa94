package dev.oversold.testing;

import dev.oversold.cli.ScenarioSource;
import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A scenario source for tests: names map to scenarios built in code (overrides are passed to a
 * function), anything else is reported as a problem the way the loader would.
 */
public final class FixedScenarioSource implements ScenarioSource {
  private final Map<String, BiFunction<String, List<ScenarioLoader.Override>, Scenario>> scenarios;

  public FixedScenarioSource(
      Map<String, BiFunction<String, List<ScenarioLoader.Override>, Scenario>> scenarios) {
    this.scenarios = Map.copyOf(scenarios);
  }

  public static FixedScenarioSource of(String name, Scenario scenario) {
    return new FixedScenarioSource(Map.of(name, (n, overrides) -> scenario));
  }

  @Override
  public Scenario resolve(String fileOrName, List<ScenarioLoader.Override> overrides)
      throws ScenarioException {
    var factory = scenarios.get(fileOrName);
    if (factory == null) {
      throw new ScenarioException(
          List.of(
              new Problem(fileOrName, 3, 5, "hosts[0].cpu.cores", "must be >= 1", "a count"),
              new Problem(
                  fileOrName,
                  7,
                  1,
                  "tenantz",
                  "unknown key (did you mean 'tenants'?)",
                  "one of: scenario, hosts, tenants")));
    }
    return factory.apply(fileOrName, overrides);
  }

  @Override
  public List<ScenarioLibrary.Entry> bundled() {
    return scenarios.keySet().stream()
        .sorted()
        .map(name -> new ScenarioLibrary.Entry(name, "built in code", "/scenarios/" + name))
        .toList();
  }

  @Override
  public String schema() {
    return "{\"type\": \"object\"}";
  }
}
