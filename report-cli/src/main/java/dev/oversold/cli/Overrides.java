package dev.oversold.cli;

import dev.oversold.scenarios.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/** {@code --set KEY=VALUE} options of {@code run} and {@code plan}: one value each, in order. */
final class Overrides {
  private Overrides() {}

  static List<ScenarioLoader.Override> parse(List<String> sets) throws BadInputException {
    List<ScenarioLoader.Override> overrides = new ArrayList<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0 || eq == set.length() - 1) {
        throw new BadInputException("--set " + set + " must look like KEY=VALUE");
      }
      overrides.add(ScenarioLoader.Override.parse(set));
    }
    return overrides;
  }
}
