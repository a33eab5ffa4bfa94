package dev.oversold.scenarios;

/**
 * Makes text from a scenario file safe to print: control characters (which could move the cursor,
 * recolour or clear a terminal, or hide text) are shown as escapes, and long values are cut to an
 * excerpt so that an error never echoes a megabyte back.
 */
public final class Printable {
  /** Characters of a value echoed in full; longer values become an excerpt. */
  public static final int EXCERPT = 60;

  private Printable() {}

  /** {@code text} with every control character escaped ({@code \n}, {@code \x1b}, ...). */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escapeOf(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        out.append(escaped != null ? escaped : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  /** The escaped text, cut after {@link #EXCERPT} characters with its full length named. */
  public static String excerpt(String text) {
    if (text.length() <= EXCERPT) {
      return escape(text);
    }
    return escape(text.substring(0, EXCERPT)) + "... (" + text.length() + " characters)";
  }

  private static String escapeOf(char c) {
    String named =
        switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> null;
        };
    if (named != null) {
      return named;
    }
    boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    if (control || bidi) {
      return c <= 0xff
          ? String.format(java.util.Locale.ROOT, "\\x%02x", (int) c)
          : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }
    return null;
  }
}
