package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Finds where a key path ({@code tenants[2].plan}) was written. */
public final class Paths {
  private Paths() {}

  /**
   * The location of the deepest node on {@code path}: the value itself, or the key when the path
   * names a key, or the closest enclosing mapping when the key is absent.
   */
  public static @Nullable Location locate(@Nullable Node root, String path) {
    return locate(root, path, false);
  }

  /** Like {@link #locate(Node, String)}, but the key's own location when the path ends on a key. */
  public static @Nullable Location locateKey(@Nullable Node root, String path) {
    return locate(root, path, true);
  }

  private static @Nullable Location locate(@Nullable Node root, String path, boolean atKey) {
    if (root == null) {
      return null;
    }
    List<Object> segments = path.isEmpty() ? List.of() : Overrides.parsePath(path);
    if (segments == null) {
      return root.location();
    }
    Node current = root;
    Location best = root.location();
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      if (segment instanceof Integer index) {
        if (!(current instanceof ListNode list) || index >= list.items().size()) {
          return best;
        }
        current = list.items().get(index);
        best = current.location();
        continue;
      }
      if (!(current instanceof MapNode map)) {
        return best;
      }
      MapNode.@Nullable Entry found = null;
      int used = 1;
      StringBuilder key = new StringBuilder();
      for (int count = 1; i + count <= segments.size(); count++) {
        if (!(segments.get(i + count - 1) instanceof String name)) {
          break;
        }
        if (count > 1) {
          key.append('.');
        }
        key.append(name);
        MapNode.Entry entry = map.entries().get(key.toString());
        if (entry != null) {
          found = entry;
          used = count;
        }
      }
      if (found == null) {
        return best;
      }
      i += used - 1;
      current = found.value();
      best = atKey && i == segments.size() - 1 ? found.keyLocation() : current.location();
    }
    return best;
  }
}
