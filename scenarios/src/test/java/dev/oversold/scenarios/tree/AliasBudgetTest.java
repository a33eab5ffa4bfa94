package dev.oversold.scenarios.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.scenarios.Problems;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The expansion budget counted exactly, aliases to containers at their full size, at the boundary
 * of {@link TreeReader#MAX_NODES}. The document {@code a: &a [x × k]} then {@code b: [*a × m]}: by
 * hand, each attach adds the values under the attached node, itself included: the k scalars (k),
 * list a (1 + k), m aliases of it (m(1 + k)), list b (1 + m(1 + k)), so 2(1 + k)(m + 1) in all.
 * With k = 999 that is 2,000(m + 1): 1,000,000 at m = 499 (within the budget, which refuses only
 * more) and 1,002,000 at m = 500.
 */
final class AliasBudgetTest {
  private static String document(int k, int m) {
    return "a: &a ["
        + String.join(", ", Collections.nCopies(k, "x"))
        + "]\nb: ["
        + String.join(", ", Collections.nCopies(m, "*a"))
        + "]\n";
  }

  @Test
  void exactlyTheBudget_isRead() {
    Problems problems = new Problems("t.yaml");
    assertNotNull(TreeReader.read(document(999, 499), "t.yaml", false, problems));
    assertTrue(problems.isEmpty(), problems.sorted().toString());
  }

  @Test
  void oneAliasMore_isRefused() {
    Problems problems = new Problems("t.yaml");
    assertNull(TreeReader.read(document(999, 500), "t.yaml", false, problems));
    assertEquals(1, problems.size());
    assertTrue(
        problems.sorted().get(0).message().contains("more than 1000000 values"),
        problems.sorted().toString());
  }
}
