package dev.oversold.scenarios;

import dev.oversold.scenarios.tree.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found in one scenario (file, overrides, jobs files) so that they are
 * reported together, sorted by position.
 */
public final class Problems {
  /** More than this many problems are summarised: a binary file would otherwise list thousands. */
  static final int MAX_PROBLEMS = 200;

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private int dropped;

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void add(Location location, String path, String message, String expected) {
    if (problems.size() >= MAX_PROBLEMS) {
      dropped++;
      return;
    }
    Location where = location == null ? new Location(file, 0, 0) : location;
    problems.add(
        new Problem(
            where.source(),
            where.line(),
            where.column(),
            path == null ? "" : path,
            message,
            expected == null ? "" : expected));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  /** The problems sorted by file, line and column (stable for equal positions). */
  public List<Problem> sorted() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparing((Problem p) -> !p.file().equals(file))
            .thenComparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column));
    if (dropped > 0) {
      Problem last = sorted.get(sorted.size() - 1);
      sorted.add(
          new Problem(
              last.file(),
              last.line(),
              last.column(),
              "",
              dropped + " more problems not shown",
              ""));
    }
    return sorted;
  }

  /** Throws a {@link ScenarioException} with every problem, if there is any. */
  public void throwIfAny() throws ScenarioException {
    if (!problems.isEmpty()) {
      throw new ScenarioException(sorted());
    }
  }
}
