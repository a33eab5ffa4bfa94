package dev.oversold.scenarios.bind;

import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Binding through {@link DtoTable} and through reflection, for tests in other packages. */
public final class ReferenceBinding {
  private ReferenceBinding() {}

  /** What one binding gave: the value (or the exception it threw) and the problems, in order. */
  public record Outcome(@Nullable Object value, @Nullable String thrown, List<Problem> problems) {}

  /** Binds {@code root} as {@code type} with the table ({@code reflective} false) or without. */
  public static Outcome bind(Node root, Class<?> type, boolean reflective) {
    Problems problems = new Problems("m.yaml");
    Object value = null;
    String thrown = null;
    try {
      value = new Binder(problems, reflective).bind(root, type, "");
    } catch (RuntimeException e) {
      thrown = e.getClass().getName() + ": " + e.getMessage();
    }
    return new Outcome(value, thrown, problems.sorted());
  }
}
