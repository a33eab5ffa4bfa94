package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import dev.oversold.scenarios.tree.Node.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@code KEY=VALUE} overrides ({@code oversold sweep --set}, {@code --seed}) to a document
 * tree before it is bound, so that an override is checked exactly like the file. Keys are paths
 * such as {@code seed}, {@code hosts[0].cpu.cores} or {@code plans.small.native.cpu.weight} (a
 * dotted knob name is matched whole when the mapping has it). A list item can be named instead of
 * numbered, {@code hosts[node1]} or {@code tenants[web]} ({@link ItemNames}), and {@code
 * tenants[web].count} sets how many tenants a definition makes ({@link TenantCount}). Missing
 * mappings on the way are created, so that a default can be overridden too. Values are YAML ({@code
 * 8}, {@code kvm}, {@code 2GiB}, {@code [1, 2]}). A {@code hosts[i].platform} that changes the
 * file's platform moves the host's {@code options} to the file's platform's {@code
 * platform-options} block first, so the host runs what compare runs on that platform.
 */
public final class Overrides {
  private static final Pattern SEGMENT =
      Pattern.compile("([^.\\[\\]]+)|\\[(\\d{1,6})\\]|\\[([^\\[\\]]{1,100})\\]");

  /** A list item addressed by its name: {@code [web]} in {@code tenants[web].count}. */
  record ItemName(String name) {}

  /** Mappings whose keys are platform knob names, which may contain dots. */
  private static final java.util.Set<String> KNOB_MAPS = java.util.Set.of("native", "options");

  /** A mapping of platform names to knob maps (a host's platform-options). */
  private static final String KNOB_MAPS_BY_PLATFORM = "platform-options";

  /** The path of a host's platform, {@code hosts[2].platform}. */
  private static final Pattern HOST = Pattern.compile("hosts\\[\\d+\\]\\.platform");

  private static final String PLATFORM = "platform";
  private static final String OPTIONS = "options";

  private Overrides() {}

  /**
   * Before {@code --set hosts[i].platform=P} replaces the file's platform: the host's {@code
   * options} are the file's platform's, so they become its {@code platform-options} block. The host
   * then runs P with its block for P, else P's defaults, exactly as {@code Platforms.onPlatform}
   * switches a host in compare and plan. False when the file already has both {@code options} and a
   * block for its own platform, an error in the file that is then reported as without {@code
   * --set}.
   */
  private static boolean platformOptionsToBlock(
      MapNode host, MapNode.@Nullable Entry platformEntry, Node replacement, Location at) {
    MapNode.Entry options = host.entries().get(OPTIONS);
    if (platformEntry == null
        || options == null
        || !(platformEntry.value() instanceof ScalarNode file)
        || file.isNull()
        || !(replacement instanceof ScalarNode wanted)) {
      return true;
    }
    String old = file.text().strip().toLowerCase(Locale.ROOT);
    if (old.isEmpty() || old.equals(wanted.text().strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    MapNode.Entry blocksEntry = host.entries().get(KNOB_MAPS_BY_PLATFORM);
    MapNode blocks;
    if (blocksEntry == null
        || (blocksEntry.value() instanceof ScalarNode empty && empty.isNull())) {
      blocks = new MapNode(at);
    } else if (blocksEntry.value() instanceof MapNode given) {
      blocks = (MapNode) copy(given);
    } else {
      return true; // not a mapping: the binder reports it at the file's key
    }
    if (blocks.entries().containsKey(old)) {
      // options and the file's platform's block both: the file's own error. The host keeps the
      // file's platform, so the converter reports it at the block, as it does without --set.
      return false;
    }
    blocks.put(old, options.keyLocation(), options.value());
    host.entries().remove(OPTIONS);
    host.put(
        KNOB_MAPS_BY_PLATFORM,
        blocksEntry == null ? options.keyLocation() : blocksEntry.keyLocation(),
        blocks);
    return true;
  }

  /** Applies one override; problems go to {@code problems}, located at the override. */
  public static void apply(Node root, String key, String value, Problems problems) {
    Location at = new Location("--set " + key, 1, 1);
    List<Object> segments = parsePath(key);
    if (segments == null || segments.isEmpty()) {
      problems.add(at, key, "not a key path", "a path like seed, hosts[0].cpu.cores");
      return;
    }
    Node replacement =
        value.isBlank()
            ? new ScalarNode(value, ScalarType.STRING, at)
            : TreeReader.read(value, "--set " + key, false, problems);
    if (replacement == null) {
      return;
    }
    Node current = root;
    ListNode tenantList = null; // set while current is an item of the top-level tenants list
    int tenantIndex = -1;
    String lastKey = "";
    String keyBefore = ""; // the key before lastKey
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      boolean last = i == segments.size() - 1;
      Object segment = segments.get(i);
      if (segment instanceof ItemName item) {
        if (!(current instanceof ListNode list)) {
          problems.add(at, path.toString(), "is " + current.shape() + ", not a list", "a key");
          return;
        }
        int found = ItemNames.find(list, item.name(), path.toString(), at, problems);
        if (found < 0) {
          return;
        }
        segment = found;
      }
      if (segment instanceof Integer index) {
        if (!(current instanceof ListNode list)) {
          problems.add(at, path.toString(), "is " + current.shape() + ", not a list", "a key");
          return;
        }
        boolean tenants = path.toString().equals("tenants");
        path.append('[').append(index).append(']');
        if (index >= list.items().size()) {
          problems.add(
              at,
              path.toString(),
              "no such item: the list has " + list.items().size(),
              "an index from 0 to " + (list.items().size() - 1));
          return;
        }
        if (last) {
          list.items().set(index, replacement);
          return;
        }
        current = copy(list.items().get(index));
        list.items().set(index, current);
        tenantList = tenants ? list : null;
        tenantIndex = index;
        continue;
      }
      if (last
          && tenantList != null
          && "count".equals(segment)
          && current instanceof MapNode tenant
          && !tenant.entries().containsKey("count")) {
        TenantCount.apply(tenantList, tenantIndex, tenant, value, path + ".count", at, problems);
        return;
      }
      tenantList = null;
      if (!(current instanceof MapNode map)) {
        problems.add(at, path.toString(), "is " + current.shape() + ", not a mapping", "");
        return;
      }
      // Knob maps take dotted keys whole (native.cpu.weight), even when not in the file yet.
      boolean knobs = KNOB_MAPS.contains(lastKey) || KNOB_MAPS_BY_PLATFORM.equals(keyBefore);
      int used =
          knobs && joinKeys(segments, i, segments.size() - i) != null
              ? segments.size() - i
              : longestKey(map, segments, i);
      // segment i is a key here (indexes were handled above), so the join is never null
      String name = Objects.requireNonNull(joinKeys(segments, i, used));
      keyBefore = lastKey;
      lastKey = name;
      i += used - 1;
      last = i == segments.size() - 1;
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(name);
      MapNode.Entry entry = map.entries().get(name);
      if (last) {
        if (HOST.matcher(path).matches()
            && PLATFORM.equals(name)
            && !platformOptionsToBlock(map, entry, replacement, at)) {
          return;
        }
        map.put(name, entry == null ? at : entry.keyLocation(), replacement);
        return;
      }
      Node child = entry == null ? null : entry.value();
      if (child == null || (child instanceof ScalarNode scalar && scalar.isNull())) {
        boolean nextIsIndex = segments.get(i + 1) instanceof Integer;
        if (nextIsIndex) {
          problems.add(at, path.toString(), "has no list to index", "an existing list");
          return;
        }
        child = new MapNode(at);
      } else {
        child = copy(child);
      }
      map.put(name, entry == null ? at : entry.keyLocation(), child);
      current = child;
    }
  }

  /**
   * A shallow copy of a container, so that an override through a YAML alias changes only the place
   * it names, not every place that shares the anchored node.
   */
  private static Node copy(Node node) {
    if (node instanceof MapNode map) {
      MapNode copy = new MapNode(map.location());
      map.entries().values().forEach(e -> copy.put(e.key(), e.keyLocation(), e.value()));
      return copy;
    }
    if (node instanceof ListNode list) {
      ListNode copy = new ListNode(list.location());
      copy.items().addAll(list.items());
      return copy;
    }
    return node;
  }

  /** How many key segments from {@code start} form the longest key present in {@code map}. */
  private static int longestKey(MapNode map, List<Object> segments, int start) {
    int best = 1;
    for (int count = 2; start + count <= segments.size(); count++) {
      String joined = joinKeys(segments, start, count);
      if (joined == null) {
        break;
      }
      if (map.entries().containsKey(joined)) {
        best = count;
      }
    }
    return best;
  }

  private static @Nullable String joinKeys(List<Object> segments, int start, int count) {
    StringBuilder joined = new StringBuilder();
    for (int j = start; j < start + count; j++) {
      if (!(segments.get(j) instanceof String name)) {
        return null;
      }
      if (j > start) {
        joined.append('.');
      }
      joined.append(name);
    }
    return joined.toString();
  }

  /** Splits {@code a.b[2].c} into "a", "b", 2, "c"; null when malformed. */
  static @Nullable List<Object> parsePath(String key) {
    List<Object> segments = new ArrayList<>();
    Matcher matcher = SEGMENT.matcher(key);
    int position = 0;
    while (position < key.length()) {
      if (key.charAt(position) == '.' && position > 0 && position + 1 < key.length()) {
        position++;
      }
      if (!matcher.find(position) || matcher.start() != position) {
        return null;
      }
      if (matcher.group(1) != null) {
        segments.add(matcher.group(1).strip());
      } else if (matcher.group(2) != null) {
        segments.add(Integer.parseInt(matcher.group(2)));
      } else {
        segments.add(new ItemName(matcher.group(3).strip()));
      }
      position = matcher.end();
    }
    return segments;
  }
}
