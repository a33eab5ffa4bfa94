package dev.oversold.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class NameGlobTest {
  @Test
  void matches_starAndQuestionMarkOnly_everythingElseLiteral() {
    assertTrue(NameGlob.of("web-*").matches("web-12"));
    assertTrue(NameGlob.of("web-*").matches("web-"));
    assertTrue(NameGlob.of("db-?").matches("db-1"));
    assertFalse(NameGlob.of("db-?").matches("db-12"));
    assertFalse(NameGlob.of("web.*").matches("web-1"), "dots are literal");
    assertTrue(NameGlob.of("a[1]").matches("a[1]"), "brackets are literal");
    assertTrue(NameGlob.of("").matches(""));
    assertFalse(NameGlob.of("").matches("a"));
    assertTrue(NameGlob.of("***").matches("anything"));
  }

  @Test
  void matches_theBacktrackingReproducer_answersAtOnce() {
    // Issue 18: a regex translation of this glob took 43 s on 100 such names (9 stars: never).
    // Hand-checked: the names contain no 'b', so no glob ending in 'b' can match.
    String name = "a".repeat(100);
    String glob = "*a".repeat(49) + "*b";
    assertFalse(NameGlob.of(glob).matches(name));
    assertTrue(NameGlob.of("*a".repeat(49) + "*").matches(name));
  }

  @Test
  void of_globLongerThanANameCanBe_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> NameGlob.of("a".repeat(101)));
  }
}
