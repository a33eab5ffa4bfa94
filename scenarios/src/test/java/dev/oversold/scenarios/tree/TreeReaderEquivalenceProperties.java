package dev.oversold.scenarios.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.oversold.scenarios.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/**
 * {@link TreeReader} (SnakeYAML's events read directly) against {@link LegacyTreeReader} (the same
 * events through Jackson's YAMLParser, the reader every golden and message was made with): the same
 * tree (shapes, key order, scalar texts and types, every location, shared aliases) and the same
 * problems, word for word, on bundled scenarios, on those files damaged at random, and on documents
 * assembled from YAML's awkward corners (numbers in every base, booleans, nulls, tags, anchors,
 * merge keys, several documents, broken flow and indentation).
 *
 * <p>Since {@link TreeReader} reads the subset scenario files use with {@link SubsetYaml}, every
 * comparison above also compares that reader with the legacy one wherever it accepts a text. The
 * properties below compare it with {@link YamlEvents} directly, token by token (kind, text, type,
 * anchor, tag, start and end), and the trees and problems it leads to, on documents generated from
 * the subset's constructs, which it must accept, and on every bundled and test scenario file.
 */
final class TreeReaderEquivalenceProperties {
  private static final List<String> BUNDLED = bundled();

  /** Pieces that exercise the typing, the tags and the syntax errors. */
  private static final String[] VALUES = {
    "8",
    "-8",
    "+8",
    "0",
    "-0",
    "+0",
    "007",
    "08",
    "0_7",
    "0b101",
    "-0b1_0",
    "0x1F",
    "0xff_ff",
    "0x",
    "1_000",
    "1:30",
    "-1:30:59",
    "190:20:30.15",
    "1.5",
    "-.5",
    "+.5",
    "1e3",
    "1E+3",
    "1.e-2",
    ".inf",
    "-.Inf",
    "+.INF",
    ".nan",
    ".NaN",
    "-.nan",
    "1_0.0_1",
    "1.2.3",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "True",
    "FALSE",
    "tRue",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "",
    "''",
    "\"\"",
    "' '",
    "\" \"",
    "<<",
    "=",
    "!",
    "&",
    "'8'",
    "\"0x10\"",
    "\"a\\tb\"",
    "\"\\x41\"",
    "\"\\u263A\"",
    "\"\\q\"",
    "'it''s'",
    "web-{1..9}",
    "20/s",
    "4ms",
    "512MiB",
    "1TiB",
    "50%",
    "a b",
    "a: b",
    "a #b",
    "@x",
    "`x",
    "%x",
    "|",
    ">",
    "[1, 2]",
    "[1, [2, [3]]]",
    "{a: 1, b: [x, y]}",
    "{a: 1, a: 2}",
    "[",
    "{",
    "]",
    "}",
    "{a: 1",
    "[1, 2",
    "{a: {b: }}",
    "{? a : 1}",
    "[a: 1]",
    "!!str 8",
    "!!int 8",
    "!!int x",
    "!!int -",
    "!!int +",
    "!!int _",
    "!!int 0x",
    "!!int 0b2",
    "!!int 09",
    "!!float x",
    "!!bool yes",
    "!!bool maybe",
    "!!null x",
    "!!binary AAAA",
    "!!binary ***",
    "!foo 8",
    "!<tag:x> 1",
    "!<int> 1",
    "! 8",
    "!!seq [1]",
    "!!map {a: 1}",
    "!foo [1]",
    "!!str,x a",
    "&a 8",
    "*a",
    "*zz",
    "&m {k: v}",
    "0x" + "f".repeat(101),
    "0b" + "1".repeat(64),
    "0o7",
    "0" + "7".repeat(22),
    "1" + "0".repeat(1100),
    "1e" + "9".repeat(3)
  };

  private static final String NOISE = " :-[]{},&*!|>'\"#%@`\t\n?";

  private static final String[] KEYS = {
    "a", "b", "name", "<<", "'q'", "\"k\"", "? c", "1", "~", "*a", "&k x", "!t k", "a b", "[a]"
  };

  @Example
  void bundledScenarios_readTheSame() {
    for (String text : BUNDLED) {
      assertSame(text, "bundled.yaml");
    }
  }

  @Property(tries = 400)
  void damagedScenarios_readTheSame(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int edits) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(BUNDLED.get(random.nextInt(BUNDLED.size())));
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> text.insert(at, VALUES[random.nextInt(VALUES.length)]);
        case 1 -> {
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
        }
        case 2 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
        default -> text.setLength(Math.min(text.length(), at));
      }
    }
    assertSame(text.toString(), "damaged.yaml");
  }

  @Property(tries = 1500)
  void assembledDocuments_readTheSame(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    if (random.nextInt(8) == 0) {
      text.append(random.nextBoolean() ? "---\n" : "%YAML 1.1\n---\n");
    }
    block(text, random, 0, 0);
    if (random.nextInt(8) == 0) {
      text.append(random.nextBoolean() ? "---\nx: 1\n" : "...\n");
    }
    assertSame(text.toString(), "assembled.yaml");
  }

  @Example
  void numberTypesAndTags_readTheSame() {
    for (String value : VALUES) {
      assertSame("v: " + value + "\n", "v.yaml");
      assertSame("- " + value + "\n", "v.yaml");
      assertSame("{v: " + value + "}", "v.yaml");
      assertSame("[" + value + "]", "v.yaml");
      assertSame(value, "v.yaml");
      assertSame("a: &a {x: 1}\nb: " + value + "\n", "v.yaml");
    }
    for (String key : KEYS) {
      assertSame(key + ": 1\nb: 2\n", "k.yaml");
      assertSame("a: &a 1\n" + key + ": *a\n", "k.yaml");
    }
  }

  @Example
  void depthAndAliasBombs_readTheSame() {
    assertSame("a: " + "[".repeat(70) + "]".repeat(70), "deep.yaml");
    assertSame("a: " + "[".repeat(64) + "]".repeat(64), "deep.yaml");
    assertSame("a: " + "[".repeat(63) + "]".repeat(63), "deep.yaml");
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertSame(bomb.toString(), "bomb.yaml");
    assertSame("a: &a [*a]\n", "self.yaml");
    assertSame("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "merge.yaml");
    assertSame("base: &b {x: 1}\nm:\n  <<: [*b, {z: 1}]\n", "merge.yaml");
    assertSame("m:\n  <<: 5\n", "merge.yaml");
    assertSame("# only a comment\n", "empty.yaml");
    assertSame("---\n", "empty.yaml");
    assertSame("a: 1\n---\nb: 2\n", "two.yaml");
    assertSame("a: 1\n---\n]\n", "two.yaml");
    assertSame("a: 1\n...\n", "end.yaml");
    assertSame("a:\n\tb: 1\n", "tab.yaml");
    assertSame("a: 1\n b: 2\n", "indent.yaml");
    assertSame("a: b: c\n", "indent.yaml");
    assertSame("a: 'x\n", "quote.yaml");
    assertSame("a: |\n  one\n  two\nb: >\n  folded\n  text\n", "block.yaml");
  }

  @Example
  void jsonTexts_readTheSame() {
    String[] texts = {
      "{\"a\": 1, \"b\": [1.5, true, null, \"x\"]}",
      "{\"a\": 1, \"a\": 2}",
      "{\"a\": NaN}",
      "{\"a\": \"\\q\"}",
      "{\"a\": \"tab\there\"}",
      "{\"a\": " + "9".repeat(101) + "}",
      "{\"a\": [" + "[".repeat(70) + "]".repeat(70) + "]}",
      "{\"a\": 1} {\"b\": 2}",
      "[1, 2",
      "{\"a\" 1}",
      "",
      "   ",
      "7"
    };
    for (String text : texts) {
      assertSame(text, "s.json", true);
    }
  }

  // ---- SubsetYaml against YamlEvents ----

  @Example
  void bundledAndTestFiles_areInTheSubset_andGiveYamlEventsTokens() throws IOException {
    List<String> texts = new ArrayList<>(BUNDLED);
    texts.add(resource("contract-example.yaml"));
    texts.add(Files.readString(Path.of("../sweep-spark/src/test/resources/tiny-host.yaml")));
    texts.add(tenantsFile(50));
    for (String text : texts) {
      assertSubsetSame(text);
    }
  }

  @Property(tries = 1500)
  void subsetDocuments_areAccepted_andGiveYamlEventsTokens(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    if (random.nextBoolean()) {
      text.append(comment(random)).append('\n');
    }
    new SubsetDocument(random, text).block(0, 0);
    assertSubsetSame(text.toString());
  }

  @Property(tries = 400)
  void damagedSubsetDocuments_readAsYamlEventsReadsThem(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int edits) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    new SubsetDocument(random, text).block(0, 0);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> {
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
        }
        case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
        default -> text.insert(at, VALUES[random.nextInt(VALUES.length)]);
      }
    }
    String damaged = text.toString();
    if (SubsetYaml.read(damaged, "d.yaml") != null) {
      assertSubsetSame(damaged);
    }
    assertTreesSame(damaged);
  }

  /**
   * The subset reader accepts {@code text}, gives YamlEvents' tokens with their places, and
   * TreeReader builds the same tree and problems through either.
   */
  private static void assertSubsetSame(String text) {
    Tokens subset = SubsetYaml.read(text, "s.yaml");
    assertNotNull(subset, () -> "not taken by the subset reader:\n" + text);
    Tokens events = new YamlEvents(text, "s.yaml");
    int index = 0;
    try {
      while (true) {
        Tokens.Kind expected = events.next();
        Tokens.Kind actual = subset.next();
        String at = "token " + index + " of:\n" + text;
        assertEquals(expected, actual, () -> "kind of " + at);
        if (expected == null) {
          break;
        }
        assertEquals(events.tokenLocation(), subset.tokenLocation(), () -> "start of " + at);
        assertEquals(events.currentLocation(), subset.currentLocation(), () -> "end of " + at);
        if (expected == Tokens.Kind.KEY
            || expected == Tokens.Kind.SCALAR
            || expected == Tokens.Kind.ALIAS) {
          assertEquals(events.text(), subset.text(), () -> "text of " + at);
        }
        if (expected == Tokens.Kind.SCALAR) {
          assertEquals(events.scalarType(), subset.scalarType(), () -> "type of " + at);
        }
        assertEquals(events.anchor(), subset.anchor(), () -> "anchor of " + at);
        assertEquals(events.tag(), subset.tag(), () -> "tag of " + at);
        index++;
      }
    } catch (IOException e) {
      throw new AssertionError("SnakeYAML refused a text the subset reader took:\n" + text, e);
    }
    assertTreesSame(text);
  }

  /** TreeReader through the subset reader (where it takes the text) and through SnakeYAML. */
  private static void assertTreesSame(String text) {
    Problems expectedProblems = new Problems("t.yaml");
    Node expected = TreeReader.read(text, "t.yaml", false, expectedProblems, false);
    Problems actualProblems = new Problems("t.yaml");
    Node actual = TreeReader.read(text, "t.yaml", false, actualProblems, true);
    assertEquals(
        String.valueOf(expectedProblems.sorted()),
        String.valueOf(actualProblems.sorted()),
        () -> "problems for:\n" + text);
    assertEquals(dump(expected), dump(actual), () -> "tree for:\n" + text);
  }

  /** benchmarks/scripts/tenants-1000.sh's file with {@code tenants} tenants. */
  private static String tenantsFile(int tenants) {
    StringBuilder text =
        new StringBuilder(
            """
            scenario: tenants-1000
            description: One 64-core KVM host with many small web tenants.
            duration: 10s
            warmup: 1s
            hosts:
              - { name: node1, platform: kvm, cpu: { cores: 64 }, memory: { ram: 1TiB } }
            report: { baseline: none, interference: none }
            plans:
              small: { vcpus: 1, memory: { ram: 512MiB } }
            tenants:
            """);
    for (int i = 1; i <= tenants; i++) {
      text.append("  - { name: web-")
          .append(i)
          .append(", plan: small, workload: { kind: service, arrivals: { process: poisson,")
          .append(" rate: 20/s }, request: { cpu: { distribution: exponential, mean: 4ms } },")
          .append(" slo: { latency: 100ms } } }\n");
    }
    return text.toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        TreeReaderEquivalenceProperties.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String comment(Random random) {
    String[] comments = {"# c", "#", "# a: b, [x] {y} \"q\" 'p' é ☺", "#--- not a marker"};
    return comments[random.nextInt(comments.length)];
  }

  /** Plain scalars the subset takes in both block and flow context. */
  private static final String[] SUBSET_PLAIN = {
    "8",
    "-8",
    "+8",
    "0",
    "007",
    "0x1F",
    "0b101",
    "1_000",
    "1.5",
    "-.5",
    "1e3",
    ".inf",
    "-.Inf",
    ".nan",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "True",
    "~",
    "null",
    "NULL",
    "2001-12-14",
    "=",
    "<<",
    "web-1",
    "20/s",
    "4ms",
    "512MiB",
    "50%",
    "a b",
    "a  b",
    "x-y_z",
    "é",
    "☺ smile",
    "中文",
    "a'b",
    "a\"b",
    "a!b",
    "a&b",
    "a*b",
    "a|b",
    "a>b",
    "a-",
    "-a",
    "a.b",
    "a@x"
  };

  /** Plain scalars the subset takes only in block context. */
  private static final String[] BLOCK_PLAIN = {
    "1:30",
    "-1:30:59",
    "web-{1..9}",
    "a,b",
    "x[",
    "x]",
    "a{b}",
    "a:b",
    "http://x/y",
    "a?b",
    "a#b",
    "x:y"
  };

  /** Pieces of double-quoted scalars: characters, YAML escapes, unicode. */
  private static final String[] QUOTED = {
    "a", "B", " ", "x y", "#", ": ", ",", "{", "]", "'", "é", "☺", "中", "\\\\", "\\\"", "\\t",
    "\\n", "\\r", "\\0", "\\a", "\\b", "\\v", "\\f", "\\e", "\\ ", "\\N", "\\_", "\\L", "\\P",
    "\\x41", "\\x7e", "\\u263A", "\\u00e9", "\\u0000", "8", "1.5", "true", "null", "~", ""
  };

  /** Generates documents from the subset's constructs only. */
  private static final class SubsetDocument {
    private final Random random;
    private final StringBuilder text;
    private int anchors;

    SubsetDocument(Random random, StringBuilder text) {
      this.random = random;
      this.text = text;
    }

    /** A block mapping or sequence at {@code indent}. */
    void block(int indent, int depth) {
      boolean list = depth > 0 && random.nextInt(3) == 0;
      int entries = 1 + random.nextInt(4);
      for (int i = 0; i < entries; i++) {
        noise(indent);
        text.append(" ".repeat(indent));
        if (list) {
          text.append("-").append(" ".repeat(1 + random.nextInt(2)));
          if (depth < 4 && random.nextInt(4) == 0) {
            // a compact mapping: its keys line up after the "- "
            int keys = text.length() - text.lastIndexOf("\n") - 1;
            mappingEntry(keys, depth + 1);
            if (random.nextBoolean()) {
              noise(keys);
              text.append(" ".repeat(keys));
              mappingEntry(keys, depth + 1);
            }
            continue;
          }
          if (depth < 4 && random.nextInt(5) == 0) {
            anchor();
            endLine();
            block(indent + 1 + random.nextInt(3), depth + 1);
            continue;
          }
          inline(indent, false);
          endLine();
        } else {
          mappingEntry(indent, depth);
        }
      }
    }

    private void mappingEntry(int indent, int depth) {
      text.append(key(false)).append(":");
      int pick = random.nextInt(10);
      if (depth < 4 && pick < 3) {
        anchor();
        endLine();
        if (random.nextInt(4) == 0) {
          // an indentless sequence at the key's column
          int items = 1 + random.nextInt(3);
          for (int j = 0; j < items; j++) {
            noise(indent);
            text.append(" ".repeat(indent)).append("- ");
            inline(indent, false);
            endLine();
          }
        } else {
          block(indent + 1 + random.nextInt(4), depth + 1);
        }
      } else if (pick == 3) {
        folded(indent);
      } else if (pick == 4 && indent > 0) {
        endLine(); // an empty value
      } else {
        text.append(" ");
        inline(indent, true);
        endLine();
      }
    }

    private void anchor() {
      if (random.nextInt(3) == 0) {
        text.append(" &a").append(anchors++);
      }
    }

    /** A value on the current line. */
    private void inline(int indent, boolean mappingValue) {
      switch (random.nextInt(7)) {
        case 0 -> alias();
        case 1 -> text.append(quoted());
        case 2, 3 -> {
          if (random.nextInt(4) == 0) {
            text.append("&a").append(anchors++).append(' ');
          }
          flow(0, indent);
        }
        case 4 -> text.append(BLOCK_PLAIN[random.nextInt(BLOCK_PLAIN.length)]);
        default -> {
          if (mappingValue && random.nextInt(6) == 0) {
            text.append("&a").append(anchors++).append(' '); // an unreported scalar anchor
          }
          text.append(SUBSET_PLAIN[random.nextInt(SUBSET_PLAIN.length)]);
        }
      }
    }

    private void alias() {
      text.append("*a").append(random.nextInt(anchors + 1));
    }

    private String key(boolean flow) {
      String[] keys = {"a", "b", "name", "<<", "web-1", "x y", "1", "~", "é", "k-{1..2}"};
      if (random.nextInt(6) == 0) {
        return quoted();
      }
      String key = keys[random.nextInt(keys.length)];
      return flow && key.contains("{") ? "k" : key;
    }

    private String quoted() {
      StringBuilder out = new StringBuilder("\"");
      int pieces = random.nextInt(5);
      for (int i = 0; i < pieces; i++) {
        out.append(QUOTED[random.nextInt(QUOTED.length)]);
      }
      return out.append('"').toString();
    }

    /** A flow collection; line breaks after commas, at any column. */
    private void flow(int depth, int indent) {
      boolean map = random.nextBoolean();
      text.append(map ? '{' : '[').append(random.nextBoolean() ? " " : "");
      int entries = random.nextInt(4);
      for (int i = 0; i < entries; i++) {
        if (i > 0) {
          text.append(',');
          if (random.nextInt(6) == 0) {
            text.append('\n').append(" ".repeat(random.nextInt(indent + 4)));
          } else {
            text.append(' ');
          }
        }
        if (map) {
          text.append(key(true)).append(": ");
        }
        switch (random.nextInt(depth < 3 ? 5 : 3)) {
          case 0 -> alias();
          case 1 -> text.append(quoted());
          case 2 -> text.append(SUBSET_PLAIN[random.nextInt(SUBSET_PLAIN.length)]);
          default -> {
            if (random.nextInt(4) == 0) {
              text.append("&a").append(anchors++).append(' ');
            }
            flow(depth + 1, indent);
          }
        }
      }
      text.append(random.nextBoolean() ? " " : "").append(map ? '}' : ']');
    }

    /** A folded scalar with its chomping, empty and more-indented lines. */
    private void folded(int indent) {
      text.append(" >").append(new String[] {"", "-", "+"}[random.nextInt(3)]);
      if (random.nextInt(4) == 0) {
        text.append(" # folded");
      }
      text.append('\n');
      int inner = indent + 1 + random.nextInt(3);
      int lines = 1 + random.nextInt(5);
      for (int i = 0; i < lines; i++) {
        if (i > 0 && random.nextInt(4) == 0) {
          text.append(" ".repeat(random.nextInt(inner + 1))).append('\n'); // an empty line
        }
        text.append(" ".repeat(inner + (i > 0 && random.nextInt(5) == 0 ? 2 : 0)));
        text.append(random.nextBoolean() ? "word # not a comment" : "more: text, [x] \"q\"");
        text.append('\n');
      }
      int trailing = random.nextInt(3);
      for (int i = 0; i < trailing; i++) {
        text.append(" ".repeat(random.nextInt(inner + 1))).append('\n');
      }
    }

    private void endLine() {
      if (random.nextInt(5) == 0) {
        text.append(" ".repeat(1 + random.nextInt(2))).append(comment(random));
      }
      text.append('\n');
    }

    /** Blank and comment lines between entries, the comments at any column. */
    private void noise(int indent) {
      if (random.nextInt(6) == 0) {
        text.append(random.nextBoolean() ? "" : " ".repeat(random.nextInt(indent + 3)));
        text.append('\n');
      }
      if (random.nextInt(6) == 0) {
        text.append(" ".repeat(random.nextInt(indent + 3))).append(comment(random)).append('\n');
      }
    }
  }

  /** A block mapping or list at {@code indent}, with random values. */
  private static void block(StringBuilder text, Random random, int indent, int depth) {
    boolean list = random.nextInt(3) == 0;
    int entries = 1 + random.nextInt(4);
    for (int i = 0; i < entries; i++) {
      text.append(" ".repeat(indent + (random.nextInt(20) == 0 ? 1 : 0)));
      if (list) {
        text.append("- ");
      } else {
        text.append(KEYS[random.nextInt(KEYS.length)]).append(":");
      }
      if (depth < 3 && random.nextInt(3) == 0) {
        if (random.nextInt(4) == 0) {
          text.append(" &n").append(random.nextInt(3));
        }
        text.append('\n');
        block(text, random, indent + 2, depth + 1);
      } else {
        String value = VALUES[random.nextInt(VALUES.length)];
        if (random.nextInt(6) == 0) {
          value = "*n" + random.nextInt(3);
        }
        text.append(value.isEmpty() ? "" : " ").append(value).append('\n');
      }
    }
  }

  private static void assertSame(String text, String source) {
    assertSame(text, source, false);
  }

  private static void assertSame(String text, String source, boolean json) {
    Problems expectedProblems = new Problems(source);
    Node expected = LegacyTreeReader.read(text, source, json, expectedProblems);
    Problems actualProblems = new Problems(source);
    Node actual = TreeReader.read(text, source, json, actualProblems);
    assertEquals(
        String.valueOf(expectedProblems.sorted()),
        String.valueOf(actualProblems.sorted()),
        () -> "problems for:\n" + text);
    assertEquals(dump(expected), dump(actual), () -> "tree for:\n" + text);
  }

  /** Every node with its location; a node met again (an alias) by its first-visit number. */
  static String dump(@Nullable Node node) {
    StringBuilder out = new StringBuilder();
    dump(node, out, new IdentityHashMap<>());
    return out.toString();
  }

  private static void dump(@Nullable Node node, StringBuilder out, Map<Node, Integer> seen) {
    if (node == null) {
      out.append("null");
      return;
    }
    Integer id = seen.get(node);
    if (id != null) {
      out.append("#").append(id);
      return;
    }
    seen.put(node, seen.size());
    Location at = node.location();
    out.append('@').append(at.line()).append(':').append(at.column());
    if (node instanceof Node.ScalarNode scalar) {
      out.append(scalar.type()).append('[').append(scalar.text()).append(']');
    } else if (node instanceof Node.ListNode list) {
      out.append('[');
      for (Node item : list.items()) {
        dump(item, out, seen);
        out.append(',');
      }
      out.append(']');
    } else if (node instanceof Node.MapNode map) {
      out.append('{');
      for (Node.MapNode.Entry entry : map.entries().values()) {
        Location key = entry.keyLocation();
        out.append(entry.key()).append('@').append(key.line()).append(':').append(key.column());
        out.append('=');
        dump(entry.value(), out, seen);
        out.append(',');
      }
      out.append('}');
    }
  }

  private static List<String> bundled() {
    List<String> texts = new ArrayList<>();
    ClassLoader loader = TreeReaderEquivalenceProperties.class.getClassLoader();
    try (InputStream index = loader.getResourceAsStream("scenarios/index.txt")) {
      if (index == null) {
        throw new IllegalStateException("no scenarios/index.txt on the class path");
      }
      for (String line :
          new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        String file = name.endsWith(".yaml") ? name : name + ".yaml";
        try (InputStream in = loader.getResourceAsStream("scenarios/" + file)) {
          if (in != null) {
            texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (texts.size() < 10) {
      throw new IllegalStateException("found only " + texts.size() + " bundled scenarios");
    }
    return texts;
  }
}
