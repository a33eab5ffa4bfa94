package dev.oversold.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link NameGlob} agrees with an independent reference: the textbook recursive definition of glob
 * matching (a star matches nothing or eats one character and stays), exponential in the worst case
 * and therefore run only on short strings over a three-letter alphabet, where collisions are
 * frequent enough to exercise every branch.
 */
final class NameGlobProperties {
  @Property(tries = 3000)
  void matches_agreesWithTheRecursiveDefinition(
      @ForAll("globs") String glob, @ForAll("names") String name) {
    assertEquals(reference(glob, 0, name, 0), NameGlob.of(glob).matches(name), glob + " ~ " + name);
  }

  @Property(tries = 300)
  void matches_agreesOnLongGlobsAcrossWordBoundaries(
      @ForAll("longGlobs") String glob, @ForAll("longNames") String name) {
    // Globs past 64 positions span two words of the bit set; the carry between words matters.
    assertEquals(referenceMemo(glob, name), NameGlob.of(glob).matches(name), glob + " ~ " + name);
  }

  @Provide
  Arbitrary<String> globs() {
    return Arbitraries.strings().withChars('a', 'b', 'c', '*', '?').ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars('a', 'b', 'c').ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> longGlobs() {
    return Arbitraries.strings().withChars('a', 'b', '*', '?').ofMinLength(60).ofMaxLength(100);
  }

  @Provide
  Arbitrary<String> longNames() {
    return Arbitraries.strings().withChars('a', 'b').ofMinLength(50).ofMaxLength(100);
  }

  /** The definition, character by character. */
  static boolean reference(String glob, int g, String name, int n) {
    if (g == glob.length()) {
      return n == name.length();
    }
    char c = glob.charAt(g);
    if (c == '*') {
      return reference(glob, g + 1, name, n)
          || (n < name.length() && reference(glob, g, name, n + 1));
    }
    return n < name.length()
        && (c == '?' || c == name.charAt(n))
        && reference(glob, g + 1, name, n + 1);
  }

  /** The same definition as a table (dynamic programming), for inputs too long to recurse on. */
  static boolean referenceMemo(String glob, String name) {
    boolean[][] ok = new boolean[glob.length() + 1][name.length() + 1];
    ok[glob.length()][name.length()] = true;
    for (int g = glob.length() - 1; g >= 0; g--) {
      for (int n = name.length(); n >= 0; n--) {
        char c = glob.charAt(g);
        if (c == '*') {
          ok[g][n] = ok[g + 1][n] || (n < name.length() && ok[g][n + 1]);
        } else {
          ok[g][n] = n < name.length() && (c == '?' || c == name.charAt(n)) && ok[g + 1][n + 1];
        }
      }
    }
    return ok[0][0];
  }
}
