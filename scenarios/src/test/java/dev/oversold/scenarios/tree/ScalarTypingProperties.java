package dev.oversold.scenarios.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link ScalarTyping#resolve}'s hand-written scans against SnakeYAML's own {@link Resolver} (its
 * regular expressions, the independent implementation): the same implicit type for every plain
 * scalar, on strings drawn from the characters those expressions care about.
 */
final class ScalarTypingProperties {
  private static final Resolver SNAKEYAML = new Resolver();

  /** Characters the BOOL, INT, FLOAT, NULL and TIMESTAMP expressions treat specially. */
  private static final String ALPHABET = "0123456789012345_-+.:eExXbBoOaAfFiInNtTrRuUlLsSyY~ \t@Z";

  private static final String[] SEEDS = {
    "0b",
    "0x",
    "0o",
    ".inf",
    ".nan",
    "1:",
    "1e",
    "1.",
    "true",
    "null",
    "yes",
    "off",
    "2001-12-14",
    "190:20:30",
    "_",
    "+",
    "-",
    "."
  };

  private static ScalarTyping.Implicit expected(String value) {
    Tag tag = SNAKEYAML.resolve(NodeId.scalar, value, true);
    if (tag.equals(Tag.BOOL)) {
      return ScalarTyping.Implicit.BOOL;
    }
    if (tag.equals(Tag.INT)) {
      return ScalarTyping.Implicit.INT;
    }
    if (tag.equals(Tag.FLOAT)) {
      return ScalarTyping.Implicit.FLOAT;
    }
    if (tag.equals(Tag.NULL)) {
      return ScalarTyping.Implicit.NULL;
    }
    return ScalarTyping.Implicit.OTHER;
  }

  @Property(tries = 20_000)
  void randomScalars_resolveAsSnakeYamlDoes(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder value = new StringBuilder();
    if (random.nextInt(3) == 0) {
      value.append(random.nextBoolean() ? '-' : '+');
    }
    if (random.nextInt(3) == 0) {
      value.append(SEEDS[random.nextInt(SEEDS.length)]);
    }
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String text = value.toString();
    assertEquals(expected(text), ScalarTyping.resolve(text, true), () -> "'" + text + "'");
  }

  @Example
  void cornerCases_resolveAsSnakeYamlDoes() {
    String[] values = {
      "",
      " ",
      "~",
      "null",
      "Null",
      "NULL",
      "nULL",
      "yes",
      "Yes",
      "YES",
      "yEs",
      "y",
      "n",
      "on",
      "0",
      "-0",
      "+0",
      "00",
      "08",
      "0_7",
      "0b",
      "0b_",
      "0b_1",
      "0b2",
      "0x",
      "0x_f",
      "0xG",
      "0B1",
      "1_000",
      "1__",
      "1:30",
      "1:60",
      "1:5",
      "1:05:",
      "1:123",
      "-1:30",
      "0:30",
      "1:30.5",
      "1:30:45.",
      "1.",
      ".5",
      "._",
      "._5",
      "1e5",
      "1e",
      "1e+",
      "1.5e-3",
      "1_.5",
      ".inf",
      "-.inf",
      "+.Inf",
      ".INF",
      ".iNf",
      ".nan",
      "-.nan",
      ".NaN",
      "1" + "0".repeat(1023),
      "1" + "0".repeat(1024),
      "1." + "0".repeat(1022),
      "1." + "0".repeat(1023),
      "<<",
      "=",
      "!",
      "2001-12-14",
      "2001-12-14 21:59:43.10 -5"
    };
    for (String value : values) {
      assertEquals(expected(value), ScalarTyping.resolve(value, true), () -> "'" + value + "'");
    }
  }
}
