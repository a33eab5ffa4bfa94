package dev.oversold.scenarios.tree;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Node.ListNode;
import dev.oversold.scenarios.tree.Node.MapNode;
import dev.oversold.scenarios.tree.Node.ScalarNode;
import dev.oversold.scenarios.tree.Node.ScalarType;
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
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The scenario reader as it was before the YAML path read SnakeYAML's events itself: a tree built
 * from Jackson's {@code YAMLParser} tokens. Kept unchanged as the independent implementation that
 * {@code TreeReaderEquivalenceProperties} compares {@link TreeReader} with (every tree, location
 * and problem must be the same).
 */
final class LegacyTreeReader {
  /** Largest scenario text: real files are a few KiB; a 60-tenant scenario fits in 20 KiB. */
  static final int MAX_CHARS = 4 * 1024 * 1024;

  /** Deepest nesting: scenario files need 6 levels; 64 leaves room and stops 20,000-deep input. */
  static final int MAX_DEPTH = 64;

  /**
   * Most nodes after alias expansion: a 10,000-tenant file written out in full has about 200,000;
   * the cap bounds the tree's memory to roughly 100 MB.
   */
  static final long MAX_NODES = 1_000_000;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH + 1)
          .maxNumberLength(100)
          .maxStringLength(1024 * 1024)
          .maxDocumentLength(MAX_CHARS + 1L)
          .build();

  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  private static final YAMLFactory YAML = yamlFactory();

  private final String source;
  private final Problems problems;
  private final Map<String, Node> anchors = new HashMap<>();
  private final IdentityHashMap<Node, Long> sizes = new IdentityHashMap<>();
  private long expanded;

  private LegacyTreeReader(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(100);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setCodePointLimit(MAX_CHARS + 1);
    options.setAllowDuplicateKeys(true); // reported by the tree builder, with both locations
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
  }

  /**
   * Reads {@code text}; returns the root, or null after adding the reasons to {@code problems}.
   *
   * @param json true for JSON, false for YAML (JSON mostly parses as YAML too, but the JSON parser
   *     gives better messages for JSON files)
   */
  public static @Nullable Node read(String text, String source, boolean json, Problems problems) {
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
    return new LegacyTreeReader(source, problems).parse(text, json);
  }

  private @Nullable Node parse(String text, boolean json) {
    JsonParser parser = null;
    try {
      parser = json ? JSON.createParser(text) : YAML.createParser(text);
      Node root = build(parser);
      if (root != null && parser.nextToken() != null) {
        problems.add(
            location(parser.currentTokenLocation()),
            "",
            "more than one document in the file",
            "a single scenario");
      }
      return root;
    } catch (JacksonException e) {
      String message = clean(e.getOriginalMessage());
      problems.add(location(e.getLocation()), "", message, hint(message));
      return null;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      @Nullable JsonLocation where = parser == null ? null : parser.currentLocation();
      problems.add(location(where), "", "unreadable: " + clean(String.valueOf(e.getMessage())), "");
      return null;
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // nothing to release for an in-memory string
        }
      }
    }
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

  private @Nullable Node build(JsonParser parser) throws IOException {
    Deque<Frame> stack = new ArrayDeque<>();
    JsonToken token = parser.nextToken();
    if (token == null) {
      problems.add(new Location(source, 1, 1), "", "the file is empty", "a scenario mapping");
      return null;
    }
    while (token != null) {
      Location at = location(parser.currentTokenLocation());
      @Nullable Node completed = null;
      switch (token) {
        case FIELD_NAME -> {
          Frame frame = Objects.requireNonNull(stack.peek(), "a key inside a mapping");
          frame.key = parser.currentName();
          frame.keyLocation = at;
        }
        case START_OBJECT, START_ARRAY -> {
          if (unknownTag(parser, at)) {
            return null;
          }
          if (stack.size() >= MAX_DEPTH) {
            problems.add(at, "", "nesting deeper than " + MAX_DEPTH + " levels", "a flatter file");
            return null;
          }
          Node container = token == JsonToken.START_OBJECT ? new MapNode(at) : new ListNode(at);
          stack.push(new Frame(container, anchorOf(parser)));
        }
        case END_OBJECT, END_ARRAY -> {
          Frame frame = stack.pop();
          if (frame.node instanceof MapNode map) {
            applyMerges(map, frame.merges);
          }
          completed = frame.node;
          sizes.put(completed, frame.size);
          if (frame.anchor != null) {
            anchors.put(frame.anchor, completed);
          }
        }
        default -> {
          completed = scalarOrAlias(parser, token, at);
          if (completed == null) {
            return null;
          }
        }
      }
      if (completed != null) {
        if (stack.isEmpty()) {
          return completed;
        }
        if (!attach(stack.element(), completed)) {
          return null;
        }
      }
      token = parser.nextToken();
    }
    return null;
  }

  private @Nullable String anchorOf(JsonParser parser) throws IOException {
    return parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
  }

  private @Nullable Node scalarOrAlias(JsonParser parser, JsonToken token, Location at)
      throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      String name = parser.getText();
      Node target = anchors.get(name);
      if (target == null) {
        problems.add(at, "", "unknown anchor *" + name, "an anchor (&" + name + ") defined above");
        return null;
      }
      return target;
    }
    if (unknownTag(parser, at)) {
      return null;
    }
    ScalarType type =
        switch (token) {
          case VALUE_NUMBER_INT -> ScalarType.INTEGER;
          case VALUE_NUMBER_FLOAT -> ScalarType.DECIMAL;
          case VALUE_TRUE, VALUE_FALSE -> ScalarType.BOOLEAN;
          case VALUE_NULL -> ScalarType.NULL;
          default -> ScalarType.STRING;
        };
    Node scalar = new ScalarNode(parser.getText(), type, at);
    sizes.put(scalar, 1L);
    String anchor = anchorOf(parser);
    if (anchor != null) {
      anchors.put(anchor, scalar);
    }
    return scalar;
  }

  /**
   * A YAML tag other than the core schema's ({@code !foo 8}) would be silently dropped, and the
   * value read as if untagged: refused instead, since no scenario key uses tags.
   */
  private boolean unknownTag(JsonParser parser, Location at) throws IOException {
    if (!(parser instanceof YAMLParser yaml)) {
      return false;
    }
    String tag = yaml.getTypeId();
    if (tag == null || CORE_TAGS.contains(tag)) {
      return false;
    }
    problems.add(
        at,
        "",
        "unknown YAML tag '!" + tag.replaceFirst("^tag:yaml.org,2002:", "!") + "'",
        "a plain value without a tag");
    return true;
  }

  private static final java.util.Set<String> CORE_TAGS =
      java.util.Set.of(
          "tag:yaml.org,2002:str",
          "tag:yaml.org,2002:int",
          "tag:yaml.org,2002:float",
          "tag:yaml.org,2002:bool",
          "tag:yaml.org,2002:null",
          "tag:yaml.org,2002:seq",
          "tag:yaml.org,2002:map");

  /** Adds a finished child to its parent; false when the alias budget is spent. */
  private boolean attach(Frame parent, Node child) {
    long size = sizes.getOrDefault(child, 1L);
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

  private Location location(@Nullable JsonLocation location) {
    if (location == null) {
      return new Location(source, 1, 1);
    }
    return new Location(
        source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
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
