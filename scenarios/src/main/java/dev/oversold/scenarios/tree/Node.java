package dev.oversold.scenarios.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document tree that remembers where each value was written, so that every problem found later
 * (while binding or validating) can name its line and column. Maps keep key order and the location
 * of each key. Trees are built by {@link TreeReader} and edited only by {@link Overrides}.
 */
public sealed interface Node {
  Location location();

  /** A short name of the node's shape for messages: "a mapping", "a list", "a number"... */
  String shape();

  /** A mapping; keys in document order. */
  final class MapNode implements Node {
    private final Location location;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public MapNode(Location location) {
      this.location = location;
    }

    /** One key and its value, with the key's own location. */
    public record Entry(String key, Location keyLocation, Node value) {}

    @Override
    public Location location() {
      return location;
    }

    @Override
    public String shape() {
      return "a mapping";
    }

    public Map<String, Entry> entries() {
      return entries;
    }

    public @Nullable Node get(String key) {
      Entry entry = entries.get(key);
      return entry == null ? null : entry.value();
    }

    public void put(String key, Location keyLocation, Node value) {
      entries.put(key, new Entry(key, keyLocation, value));
    }
  }

  /** A sequence. */
  final class ListNode implements Node {
    private final Location location;
    private final List<Node> items = new ArrayList<>();

    public ListNode(Location location) {
      this.location = location;
    }

    @Override
    public Location location() {
      return location;
    }

    @Override
    public String shape() {
      return "a list";
    }

    public List<Node> items() {
      return items;
    }
  }

  /**
   * A scalar as written; {@code type} tells how the parser read it (a quoted {@code "8"} is a
   * string, a bare {@code 8} a number).
   */
  record ScalarNode(String text, ScalarType type, Location location) implements Node {
    @Override
    public String shape() {
      return switch (type) {
        case STRING -> "text '" + (text.length() > 30 ? text.substring(0, 27) + "..." : text) + "'";
        case INTEGER, DECIMAL -> "the number " + (text.length() > 30 ? "(long)" : text);
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing (null)";
      };
    }

    public boolean isNull() {
      return type == ScalarType.NULL;
    }
  }

  /** How the parser typed a scalar. */
  enum ScalarType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }
}
