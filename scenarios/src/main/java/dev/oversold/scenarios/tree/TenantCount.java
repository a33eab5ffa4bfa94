package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import dev.oversold.scenarios.tree.Node.ScalarType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The override key {@code tenants[T].count=N}: how many tenants definition T makes. It rewrites the
 * definition's name: a range {@code web-{1..39}} becomes {@code web-{1..N}} (the first number and
 * its zero padding kept, so web-1 stays web-1 with its random streams), and so does a single
 * numbered name ({@code batch-1} is read as {@code batch-{1..1}}); a plain name {@code db} becomes
 * {@code db-{1..N}} (for N = 1 it stays {@code db}); N = 0 removes the definition. The key exists
 * only here: tenant definitions have no {@code count} in the file.
 */
final class TenantCount {
  /** The loader's own limit on tenants in a scenario. */
  private static final int MAX = 10_000;

  private static final Pattern RANGE = Pattern.compile("\\{(\\d{1,9})\\.\\.(\\d{1,9})\\}");

  private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{1,9})");

  private TenantCount() {}

  static void apply(
      ListNode tenants,
      int index,
      MapNode tenant,
      String value,
      String path,
      Location at,
      Problems problems) {
    int count;
    try {
      count = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      problems.add(at, path, "'" + value + "' is not a whole number", "a count from 0 to " + MAX);
      return;
    }
    if (count < 0 || count > MAX) {
      problems.add(at, path, count + " is out of range", "a count from 0 to " + MAX);
      return;
    }
    String name = ItemNames.nameOf(tenant);
    if (name == null) {
      problems.add(at, path, "the tenant has no name to count", "a tenant with a name");
      return;
    }
    if (count == 0) {
      tenants.items().remove(index);
      return;
    }
    Matcher single = NUMBERED.matcher(name);
    if (!RANGE.matcher(name).find() && single.matches()) {
      name = single.group(1) + "-{" + single.group(2) + ".." + single.group(2) + "}";
    }
    Matcher m = RANGE.matcher(name);
    String renamed;
    if (m.find()) {
      long from = Long.parseLong(m.group(1));
      renamed =
          name.substring(0, m.start())
              + "{"
              + m.group(1)
              + ".."
              + (from + count - 1)
              + "}"
              + name.substring(m.end());
    } else {
      renamed = count == 1 ? name : name + "-{1.." + count + "}";
    }
    MapNode.Entry entry = tenant.entries().get("name");
    tenant.put(
        "name",
        entry == null ? at : entry.keyLocation(),
        new ScalarNode(renamed, ScalarType.STRING, at));
  }
}
