package dev.oversold.scenarios.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link Quantities#split}'s hand-written scan against the regular expression it replaced ({@link
 * LegacyQuantities}, the independent implementation): the same number (value and scale), the same
 * unit, or the same error word for word, on strings drawn from the characters the expression treats
 * specially (signs, points, exponents, its whitespace and line terminators, Unicode spaces that
 * {@code strip()} removes and {@code \s} does not, a non-ASCII digit).
 */
final class QuantitiesProperties {
  private static final String EXPECTED = "a number with a unit";

  /** Each entry is one character; the escapes are the ones the two scans must agree on. */
  private static final String ALPHABET =
      "0123456789012345+-..eEeE  \t\n\r\u000B\f\u0085\u2028\u2029\u2003\u00A0\u0663GiBmsk/%x";

  private static final String[] SEEDS = {
    "1",
    "1.",
    ".5",
    "1e",
    "1e+",
    "1e-3",
    "1e1234",
    "1.5e12",
    "+.",
    "-",
    "4ms",
    "20/s",
    "1GiB",
    "12345678901234567890123456789012345678901",
    "0.000000000000000000000000000000000000001",
  };

  /** What a parser returns, or the error it throws, as one comparable string. */
  private interface Parser {
    Quantities.Split split(String text) throws UnitException;
  }

  private static String outcome(Parser parser, String text) {
    try {
      Quantities.Split split = parser.split(text);
      // BigDecimal.toString keeps the scale, so 1.0 and 1.00 stay apart
      return "number " + split.number() + " unit '" + split.unit() + "'";
    } catch (UnitException e) {
      return "error " + e.getMessage() + " / " + e.expected();
    } catch (NumberFormatException e) {
      return "NumberFormatException";
    }
  }

  private static void assertAgree(String text) {
    assertEquals(
        outcome(t -> LegacyQuantities.split(t, EXPECTED), text),
        outcome(t -> Quantities.split(t, EXPECTED), text),
        () -> "'" + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
  }

  @Property(tries = 20_000)
  void randomQuantities_splitAsTheRegularExpressionDid(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int p = 0; p < parts; p++) {
      if (random.nextInt(3) == 0) {
        text.append(SEEDS[random.nextInt(SEEDS.length)]);
      }
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    assertAgree(text.toString());
  }

  @Example
  void cornerCases_splitAsTheRegularExpressionDid() {
    String[] cases = {
      "",
      " ",
      "4ms",
      " 4 ms ",
      "1.5GiB",
      "1.GiB",
      ".5s",
      "+1s",
      "-1s",
      "-0s",
      "1e3ms",
      "1E+3 ms",
      "1e1234s",
      "1e",
      "1e+",
      "1ex",
      "1.e5",
      ".e5",
      ".",
      "+",
      "+.5",
      "1 \n GiB",
      "1 G\niB",
      "1\u000B\nGiB",
      "1\f\r\nGiB",
      "1\t\u000B",
      "1\u0085",
      "1 GiB\u0085",
      "1\u2028GiB",
      "1\u2003GiB",
      "1\u00A0GiB",
      "\u0663s",
      "1\u0663s",
      "20/s",
      "100%",
      "1." + "0".repeat(45) + "s",
      "9".repeat(41) + "s",
      "x".repeat(50),
      "1" + " ".repeat(50) + "s" + "y".repeat(50),
    };
    for (String text : cases) {
      assertAgree(text);
    }
  }

  /** Hand-derived results, so the comparison above cannot pass by both sides being wrong alike. */
  @Example
  void handDerived() throws UnitException {
    Quantities.Split split = Quantities.split(" 1.50 GiB ", EXPECTED);
    assertEquals("1.50", split.number().toString());
    assertEquals("GiB", split.unit());
    // the exponent takes at most three digits; the fourth is the unit
    split = Quantities.split("1e1234", EXPECTED);
    assertEquals("1E+123", split.number().toString());
    assertEquals("4", split.unit());
    assertEquals(
        "'1 G\niB' is not a number with a unit",
        assertThrows(UnitException.class, () -> Quantities.split("1 G\niB", EXPECTED))
            .getMessage());
  }
}
