package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a list item by its {@code name} for override keys such as {@code hosts[node1].cpu.cores}
 * and {@code tenants[web].count}. An item answers to its name as written ({@code web-{1..39}}) and,
 * when the name holds a range, to the name without it ({@code web}): the template's name.
 */
final class ItemNames {
  private static final Pattern RANGE = Pattern.compile("-?\\{\\d{1,9}\\.\\.\\d{1,9}\\}");

  /** A single numbered tenant, {@code batch-1}: copy 1 of the definition {@code batch}. */
  private static final Pattern NUMBERED = Pattern.compile("(.+)-\\d{1,9}");

  private ItemNames() {}

  /**
   * The index of the one item named {@code name}, or -1 after adding a problem that lists the names
   * there are (none matched) or the items that matched (more than one).
   */
  static int find(ListNode list, String name, String path, Location at, Problems problems) {
    List<Integer> matches = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String written = nameOf(list.items().get(i));
      if (written == null) {
        continue;
      }
      String template = template(written);
      boolean range = RANGE.matcher(written).find();
      names.add(range ? template + " (" + written + ")" : written);
      if (name.equals(written) || name.equals(template)) {
        matches.add(i);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String where = path + "[" + name + "]";
    if (matches.isEmpty()) {
      problems.add(
          at,
          where,
          "no item named " + name,
          names.isEmpty()
              ? "an index: the items have no names"
              : "one of: " + String.join(", ", names));
    } else {
      problems.add(
          at,
          where,
          "the name matches items " + matches + ", not one",
          "an index, e.g. " + path + "[" + matches.get(0) + "]");
    }
    return -1;
  }

  /** The {@code name} of a mapping item as written; null for other items. */
  static @Nullable String nameOf(Node item) {
    if (item instanceof MapNode map && map.get("name") instanceof ScalarNode scalar) {
      return scalar.isNull() ? null : scalar.text();
    }
    return null;
  }

  /**
   * The name without its range or number: {@code web-{1..39}} and {@code batch-1} are {@code web}
   * and {@code batch} (as the planner and the sweep's groups name definitions); others as written.
   */
  static String template(String name) {
    Matcher m = RANGE.matcher(name);
    if (m.find()) {
      return name.substring(0, m.start()) + name.substring(m.end());
    }
    Matcher numbered = NUMBERED.matcher(name);
    return numbered.matches() ? numbered.group(1) : name;
  }
}
