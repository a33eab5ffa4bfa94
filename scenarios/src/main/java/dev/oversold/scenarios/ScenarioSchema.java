package dev.oversold.scenarios;

/**
 * The JSON Schema of scenario files. Stub so that {@code oversold schema} compiles; the scenarios
 * module provides the real implementation.
 */
public final class ScenarioSchema {
  private ScenarioSchema() {}

  /** The schema as JSON text. */
  public static String json() {
    throw new UnsupportedOperationException("the scenario schema is not implemented yet");
  }
}
