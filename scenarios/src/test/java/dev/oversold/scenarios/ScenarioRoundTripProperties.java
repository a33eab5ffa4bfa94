package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.Scenario;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

final class ScenarioRoundTripProperties {
  @Property(tries = 100)
  void anyValidScenario_loadsBackEqualFromWhatTheWriterWrites(@ForAll long seed)
      throws ScenarioException {
    Scenario scenario = RandomScenarios.scenario(seed);
    String text = ScenarioWriter.write(scenario);
    Scenario loaded;
    try {
      loaded = ScenarioLoader.parse(text, "written.yaml", null, List.of());
    } catch (ScenarioException e) {
      throw new AssertionError(e.problems() + "\n" + text, e);
    }
    assertEquals(scenario, loaded, text);
  }
}
