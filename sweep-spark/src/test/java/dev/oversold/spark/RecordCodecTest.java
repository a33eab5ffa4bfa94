package dev.oversold.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RecordCodecTest {
  @Test
  void codec_rebuildsEveryBundledScenarioEqualToTheOriginal() throws Exception {
    for (ScenarioLibrary.Entry entry : ScenarioLibrary.list()) {
      Scenario scenario = ScenarioLibrary.load(entry.name(), List.of());
      // records compare by value, so equality means every field came back
      assertEquals(
          scenario, RecordCodec.decode(RecordCodec.encode(scenario), Scenario.class), entry.name());
    }
  }

  @Test
  void codec_carriesAResultBitForBit() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of(getClass().getResource("/tiny-host.yaml").toURI()));
    SimulationResult result = Simulator.run(scenario);
    byte[] bytes = RecordCodec.encode(result);
    SimulationResult back = RecordCodec.decode(bytes, SimulationResult.class);
    // results hold double[] (compared by identity in records), so compare the encodings and a few
    // figures by value
    assertArrayEquals(bytes, RecordCodec.encode(back));
    assertEquals(
        result.tenant("web-1").metrics().latencyMs().p99(),
        back.tenant("web-1").metrics().latencyMs().p99());
    assertArrayEquals(
        result.tenant("web-1").series().get("cpu_cores"),
        back.tenant("web-1").series().get("cpu_cores"));
  }

  @Test
  void codec_refusesWhatIsNotPartOfTheModel() {
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.encode(new Object()));
  }
}
