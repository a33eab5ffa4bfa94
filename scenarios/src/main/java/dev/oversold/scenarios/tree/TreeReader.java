package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads YAML or JSON text into a {@link Node} tree from a stream of tokens, keeping each token's
 * location: YAML in the subset scenario files use from a reader of our own ({@link SubsetYaml}),
 * any other YAML from SnakeYAML's events ({@link YamlEvents}), JSON from Jackson's parser ({@link
 * JsonTokens}). Hostile input is bounded: text size, nesting depth, string and number lengths, and
 * YAML aliases, which are shared rather than copied and whose expansion is counted against a node
 * budget (the "billion laughs" bomb stops at the budget). Supports YAML anchors, aliases and {@code
 * <<} merge keys.
 */
public final class TreeReader {
  /** Largest scenario text: real files are a few KiB; a 60-tenant scenario fits in 20 KiB. */
  public static final int MAX_CHARS = 4 * 1024 * 1024;

  /** Deepest nesting: scenario files need 6 levels; 64 leaves room and stops 20,000-deep input. */
  public static final int MAX_DEPTH = 64;

  /**
   * Most nodes after alias expansion: a 10,000-tenant file written out in full has about 200,000;
   * the cap bounds the tree's memory to roughly 100 MB.
   */
  public static final long MAX_NODES = 1_000_000;

  private final String source;
  private final Problems problems;
  private final Map<String, Node> anchors = new HashMap<>();

  /**
   * Values under each anchored container, counted once when it closes: what an alias to it adds to
   * the expansion budget. Every other node's count is known when it is attached (a scalar 1, a
   * container its frame's count), so only anchored ones are kept.
   */
  private final IdentityHashMap<Node, Long> anchoredSizes = new IdentityHashMap<>();

  private long expanded;

  private TreeReader(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /**
   * Reads {@code text}; returns the root, or null after adding the reasons to {@code problems}.
   *
   * @param json true for JSON, false for YAML (JSON mostly parses as YAML too, but the JSON parser
   *     gives better messages for JSON files)
   */
  public static @Nullable Node read(String text, String source, boolean json, Problems problems) {
    return read(text, source, json, problems, true);
  }

  /**
   * As {@link #read(String, String, boolean, Problems)}; {@code subset} false reads YAML through
   * SnakeYAML even when {@link SubsetYaml} could (for the tests that compare the two).
   */
  static @Nullable Node read(
      String text, String source, boolean json, Problems problems, boolean subset) {
    if (text.length() > MAX_CHARS) {
      problems.add(
          new Location(source, 1, 1),
          "",
          "the file is too large (" + text.length() + " characters)",
          "at most " + MAX_CHARS + " characters");
      return null;
    }
    if (text.isBlank()) {
      problems.add(
          new Location(source, 1, 1),
          "",
          "the file is empty",
          "a scenario: a mapping with scenario, duration, hosts and tenants");
      return null;
    }
    return new TreeReader(source, problems).parse(text, json, subset);
  }

  private @Nullable Node parse(String text, boolean json, boolean subset) {
    Tokens tokens = null;
    try {
      tokens = json ? new JsonTokens(text, source) : yaml(text, subset);
      Node root = build(tokens);
      if (root != null && tokens.next() != null) {
        problems.add(
            tokens.tokenLocation(), "", "more than one document in the file", "a single scenario");
      }
      return root;
    } catch (Tokens.SyntaxError e) {
      String message = clean(e.getMessage());
      problems.add(e.location(), "", message, hint(message));
      return null;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      Location where = tokens == null ? new Location(source, 1, 1) : tokens.currentLocation();
      problems.add(where, "", "unreadable: " + clean(String.valueOf(e.getMessage())), "");
      return null;
    }
  }

  /**
   * YAML in the subset scenario files use from {@link SubsetYaml}, which decides that before it
   * hands out a token; anything else from SnakeYAML's events, from the start of the text.
   */
  private Tokens yaml(String text, boolean subset) {
    Tokens tokens = subset ? SubsetYaml.read(text, source) : null;
    return tokens != null ? tokens : new YamlEvents(text, source);
  }

  /** An open container being filled. */
  private static final class Frame {
    final Node node;
    final @Nullable String anchor;
    @Nullable String key;
    @Nullable Location keyLocation;
    final List<Node> merges = new ArrayList<>();
    long size = 1;

    Frame(Node node, @Nullable String anchor) {
      this.node = node;
      this.anchor = anchor;
    }
  }

  private @Nullable Node build(Tokens tokens) throws IOException {
    Deque<Frame> stack = new ArrayDeque<>();
    Tokens.Kind token = tokens.next();
    if (token == null) {
      problems.add(new Location(source, 1, 1), "", "the file is empty", "a scenario mapping");
      return null;
    }
    while (token != null) {
      Location at = tokens.tokenLocation();
      @Nullable Node completed = null;
      long completedSize = 1; // values under completed, itself included
      switch (token) {
        case KEY -> {
          Frame frame = Objects.requireNonNull(stack.peek(), "a key inside a mapping");
          frame.key = tokens.text();
          frame.keyLocation = at;
        }
        case START_MAP, START_LIST -> {
          if (unknownTag(tokens, at)) {
            return null;
          }
          if (stack.size() >= MAX_DEPTH) {
            problems.add(at, "", "nesting deeper than " + MAX_DEPTH + " levels", "a flatter file");
            return null;
          }
          Node container = token == Tokens.Kind.START_MAP ? new MapNode(at) : new ListNode(at);
          stack.push(new Frame(container, tokens.anchor()));
        }
        case END_MAP, END_LIST -> {
          Frame frame = stack.pop();
          if (frame.node instanceof MapNode map) {
            applyMerges(map, frame.merges);
          }
          completed = frame.node;
          completedSize = frame.size;
          if (frame.anchor != null) {
            anchors.put(frame.anchor, completed);
            anchoredSizes.put(completed, frame.size);
          }
        }
        case ALIAS -> {
          String name = tokens.text();
          completed = anchors.get(name);
          if (completed == null) {
            problems.add(
                at, "", "unknown anchor *" + name, "an anchor (&" + name + ") defined above");
            return null;
          }
          completedSize = anchoredSizes.getOrDefault(completed, 1L); // an anchored scalar: 1
        }
        case SCALAR -> {
          completed = scalar(tokens, at);
          if (completed == null) {
            return null;
          }
        }
      }
      if (completed != null) {
        if (stack.isEmpty()) {
          return completed;
        }
        if (!attach(stack.element(), completed, completedSize)) {
          return null;
        }
      }
      token = tokens.next();
    }
    return null;
  }

  private @Nullable Node scalar(Tokens tokens, Location at) throws IOException {
    if (unknownTag(tokens, at)) {
      return null;
    }
    Node scalar = new ScalarNode(tokens.text(), tokens.scalarType(), at);
    String anchor = tokens.anchor();
    if (anchor != null) {
      anchors.put(anchor, scalar);
    }
    return scalar;
  }

  /**
   * A YAML tag other than the core schema's ({@code !foo 8}) would be silently dropped, and the
   * value read as if untagged: refused instead, since no scenario key uses tags.
   */
  private boolean unknownTag(Tokens tokens, Location at) {
    String tag = tokens.tag();
    if (tag == null || CORE_TAGS.contains(tag)) {
      return false;
    }
    String shown = tag.startsWith(CORE_PREFIX) ? "!" + tag.substring(CORE_PREFIX.length()) : tag;
    problems.add(at, "", "unknown YAML tag '!" + shown + "'", "a plain value without a tag");
    return true;
  }

  private static final String CORE_PREFIX = "tag:yaml.org,2002:";

  private static final java.util.Set<String> CORE_TAGS =
      java.util.Set.of(
          "tag:yaml.org,2002:str",
          "tag:yaml.org,2002:int",
          "tag:yaml.org,2002:float",
          "tag:yaml.org,2002:bool",
          "tag:yaml.org,2002:null",
          "tag:yaml.org,2002:seq",
          "tag:yaml.org,2002:map");

  /**
   * Adds a finished child, with {@code size} values under it (itself included), to its parent;
   * false when the alias budget is spent.
   */
  private boolean attach(Frame parent, Node child, long size) {
    parent.size += size;
    expanded += size;
    if (expanded > MAX_NODES) {
      problems.add(
          child.location(),
          "",
          "the document expands to more than " + MAX_NODES + " values (an alias bomb?)",
          "fewer aliases");
      return false;
    }
    if (parent.node instanceof ListNode list) {
      list.items().add(child);
      return true;
    }
    MapNode map = (MapNode) parent.node;
    // in a mapping, the parser reports each value's key (FIELD_NAME) first
    String key = Objects.requireNonNull(parent.key, "key of a mapping value");
    Location keyLocation = Objects.requireNonNull(parent.keyLocation, "key of a mapping value");
    if ("<<".equals(key)) {
      parent.merges.add(child);
    } else if (map.entries().containsKey(key)) {
      Location first = map.entries().get(key).keyLocation();
      problems.add(
          keyLocation,
          key,
          "duplicate key '" + key + "' (first at line " + first.line() + ")",
          "each key once");
    } else {
      map.put(key, keyLocation, child);
    }
    parent.key = null;
    return true;
  }

  /** YAML merge keys: entries of the merged mappings that the mapping does not set itself. */
  private void applyMerges(MapNode map, List<Node> merges) {
    for (Node merge : merges) {
      List<Node> sources = merge instanceof ListNode list ? list.items() : List.of(merge);
      for (Node source : sources) {
        if (source instanceof MapNode from) {
          for (MapNode.Entry entry : from.entries().values()) {
            if (!map.entries().containsKey(entry.key())) {
              map.put(entry.key(), entry.keyLocation(), entry.value());
            }
          }
        } else {
          problems.add(
              source.location(), "<<", "a merge key needs a mapping", "*anchor of a mapping");
        }
      }
    }
  }

  /** What usually fixes a YAML syntax error, from its message. */
  static String hint(String message) {
    if (message.contains("flow mapping") && message.contains("but got {")) {
      return "quotes around a value with braces inside { }, e.g. name: \"web-{1..9}\"";
    }
    if (message.contains("mapping values are not allowed")) {
      return "consistent indentation, and quotes around values that contain ': '";
    }
    if (message.contains("could not find expected ':'")
        || message.contains("expected <block end>")) {
      return "consistent indentation: keys of one mapping start in the same column";
    }
    return "";
  }

  /** First line of a parser message, without control characters, at most 200 characters. */
  static String clean(@Nullable String message) {
    if (message == null) {
      return "unreadable input";
    }
    // Parser messages carry a code snippet and "in 'reader', line N" lines: keep the prose.
    String firstLine =
        String.join(
            ": ",
            message
                .lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .toList());
    firstLine = ParserMessages.plain(firstLine);
    if (firstLine.isEmpty()) {
      firstLine = "unreadable input";
    }
    StringBuilder out = new StringBuilder();
    firstLine
        .codePoints()
        .limit(200)
        .forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    return out.toString();
  }
}
