package dev.oversold.scenarios;

import dev.oversold.core.model.Scenario;
import java.util.List;
import java.util.Optional;

/** The bundled scenarios, packaged as resources under {@code /scenarios/}. */
public final class ScenarioLibrary {
  private ScenarioLibrary() {}

  /** One bundled scenario: its name (file name without extension) and description. */
  public record Entry(String name, String description, String resource) {}

  /** Every bundled scenario, sorted by name. */
  public static List<Entry> list() {
    return List.of();
  }

  public static Optional<Entry> find(String name) {
    return list().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Loads a bundled scenario by name. */
  public static Scenario load(String name, List<ScenarioLoader.Override> overrides)
      throws ScenarioException {
    throw new UnsupportedOperationException("bundled scenarios are not implemented yet");
  }
}
