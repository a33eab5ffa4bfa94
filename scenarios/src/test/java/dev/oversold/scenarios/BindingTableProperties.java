package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oversold.scenarios.bind.ReferenceBinding;
import dev.oversold.scenarios.bind.ReferenceBinding.Outcome;
import dev.oversold.scenarios.dto.ScenarioDto;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.TreeReader;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The binder with its generated table of the DTOs ({@code bind.DtoTable}) against the binder
 * looking every DTO up by reflection, as it did before the table: the same records (equal component
 * by component) and the same problems in the same order, on every valid file and on files damaged
 * as {@link ScenarioMutationProperties} damages them.
 */
final class BindingTableProperties {
  private static final List<String> VALID = ScenarioMutationProperties.validFiles();

  @Test
  void validFiles_bindToEqualRecordsBothWays() {
    for (String text : VALID) {
      Outcome table = bindBothWays(text);
      assertNotNull(table.value(), text);
      assertNull(table.thrown(), text);
    }
  }

  @Property(tries = 500)
  void damagedFiles_bindToTheSameRecordsAndProblemsBothWays(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int mutations) {
    Random random = new Random(seed);
    String text = VALID.get(random.nextInt(VALID.size()));
    for (int i = 0; i < mutations; i++) {
      text = ScenarioMutationProperties.mutate(text, random);
    }
    bindBothWays(text);
  }

  /** Binds the text's tree with and without the table, checks they agree, returns the table's. */
  private static Outcome bindBothWays(String text) {
    Node root = TreeReader.read(text, "m.yaml", false, new Problems("m.yaml"));
    if (root == null) {
      return new Outcome(null, null, List.of());
    }
    Outcome table = ReferenceBinding.bind(root, ScenarioDto.class, false);
    Outcome reflective = ReferenceBinding.bind(root, ScenarioDto.class, true);
    assertEquals(reflective, table, text);
    return table;
  }
}
