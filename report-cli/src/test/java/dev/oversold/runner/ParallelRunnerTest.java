package dev.oversold.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.testing.TestScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

final class ParallelRunnerTest {
  /** Finishes later runs first (run i sleeps (n - i) ms) and labels each result by its seed. */
  private static SimulationResult reversed(Scenario scenario) {
    try {
      Thread.sleep(3 * (10 - scenario.seed()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new SimulationResult(scenario.name(), scenario.seed(), 1, 0, 1, List.of(), List.of(), 0);
  }

  @Test
  void runAll_returnsResultsInInputOrder_whateverFinishesFirst() throws InterruptedException {
    List<Scenario> scenarios = new ArrayList<>();
    for (int seed = 0; seed < 10; seed++) {
      scenarios.add(TestScenarios.noisy().withSeed(seed));
    }
    List<Integer> progress = new CopyOnWriteArrayList<>();
    var runner =
        new ParallelRunner(4, ParallelRunnerTest::reversed, (done, total, s) -> progress.add(done));
    List<SimulationResult> results = runner.runAll(scenarios);
    for (int i = 0; i < 10; i++) {
      assertEquals(i, results.get(i).seed());
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), progress);
  }

  @Test
  void runAll_failingRun_throwsRunFailedWithTheCause() {
    var runner =
        new ParallelRunner(
            2,
            scenario -> {
              throw new IllegalStateException("boom");
            },
            ProgressListener.NONE);
    var e =
        assertThrows(RunFailedException.class, () -> runner.runAll(List.of(TestScenarios.noisy())));
    assertTrue(e.getMessage().contains("IllegalStateException: boom"), e.getMessage());
  }
}
