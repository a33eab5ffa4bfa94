package dev.oversold.scenarios;

import java.util.List;

/** A scenario file that cannot be used, with every problem found in it. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid scenario" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
