package dev.oversold.core.model;

import java.util.HashMap;
import java.util.Map;

/**
 * A shell-style glob over tenant names ({@code *} any run of characters, {@code ?} exactly one),
 * matched by simulating its automaton on all positions at once, one bit per position: time is
 * proportional to the name's length times the glob's length in 64-bit words, never exponential, and
 * there is no backtracking. A translation to a regular expression ({@code .*} per star) backtracks
 * and hangs on globs such as {@code *a*a*a*a*a*a*b} against long runs of {@code a}.
 */
public final class NameGlob {
  /** Longest glob accepted: as long as the longest tenant name. */
  public static final int MAX_LENGTH = 100;

  private final String text;
  private final int positions; // pattern characters after collapsing runs of stars
  private final long[] stars; // bit i: pattern character i is '*'
  private final long[] anyChar; // bit i: pattern character i is '?'
  private final Map<Character, long[]> literal = new HashMap<>(); // bits of each literal char
  private final long[] start;

  private NameGlob(String text) {
    this.text = text;
    StringBuilder collapsed = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' && collapsed.length() > 0 && collapsed.charAt(collapsed.length() - 1) == '*') {
        continue; // ** is * and keeps the star closure one step deep
      }
      collapsed.append(c);
    }
    positions = collapsed.length();
    int words = (positions + 1 + 63) / 64;
    stars = new long[words];
    anyChar = new long[words];
    for (int i = 0; i < positions; i++) {
      char c = collapsed.charAt(i);
      if (c == '*') {
        set(stars, i);
      } else if (c == '?') {
        set(anyChar, i);
      } else {
        set(literal.computeIfAbsent(c, k -> new long[words]), i);
      }
    }
    start = new long[words];
    set(start, 0);
    closeOverStars(start);
  }

  /**
   * The glob for {@code text}.
   *
   * @throws IllegalArgumentException when it is longer than {@link #MAX_LENGTH}
   */
  public static NameGlob of(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a glob of " + text.length() + " characters, more than " + MAX_LENGTH);
    }
    return new NameGlob(text);
  }

  /** Whether the whole of {@code name} matches. */
  public boolean matches(String name) {
    int words = start.length;
    long[] active = start.clone();
    long[] next = new long[words];
    for (int i = 0; i < name.length(); i++) {
      long[] same = literal.get(name.charAt(i));
      long carry = 0;
      boolean any = false;
      for (int w = 0; w < words; w++) {
        long consuming = active[w] & ~stars[w] & (anyChar[w] | (same == null ? 0 : same[w]));
        long shifted = (consuming << 1) | carry;
        carry = consuming >>> 63;
        next[w] = shifted | (active[w] & stars[w]);
        any |= next[w] != 0;
      }
      if (!any) {
        return false;
      }
      closeOverStars(next);
      long[] swap = active;
      active = next;
      next = swap;
    }
    return (active[positions >>> 6] & (1L << (positions & 63))) != 0;
  }

  /** A star may match nothing: being before it is being after it too (stars never adjoin). */
  private void closeOverStars(long[] state) {
    long carry = 0;
    for (int w = 0; w < state.length; w++) {
      long before = state[w] & stars[w];
      long after = (before << 1) | carry;
      carry = before >>> 63;
      state[w] |= after;
    }
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << (i & 63);
  }

  @Override
  public String toString() {
    return text;
  }
}
