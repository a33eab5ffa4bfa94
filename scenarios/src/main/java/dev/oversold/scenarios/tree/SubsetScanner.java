package dev.oversold.scenarios.tree;

/**
 * The character level of {@link SubsetYaml}: where the reader stands (line and column, 0-based, one
 * column per UTF-16 unit: the prescan refuses text where that differs from a code point count), and
 * the scalars, comments and names of the YAML subset scenario files use. Anything outside the
 * subset throws {@link Unsupported}, and the whole text is then read by SnakeYAML instead, so this
 * class never has to word an error. Section numbers are the YAML 1.2.2 specification's; where YAML
 * 1.1 (what SnakeYAML reads) differs, the 1.1 rule is the one followed and said.
 */
final class SubsetScanner {
  /** Thrown for anything outside the subset; carries no stack trace (it is control flow). */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** A new refusal: cheap, since it records no stack trace. */
  static Unsupported unsupported() {
    return new Unsupported();
  }

  /** A simple (implicit) key is at most 1024 characters (§7.4.2, §8.2.2); kept well under. */
  private static final int KEY_LIMIT = 1000;

  private final String text;
  private final int length;
  private int pos;
  private int line;
  private int lineStart;

  SubsetScanner(String text) {
    this.text = text;
    this.length = text.length();
  }

  /**
   * Refuses, in one pass, every character the subset does not take: anything but {@code \n} below a
   * space (tabs included: §6.1 forbids them in indentation, and reading them right elsewhere is not
   * worth a rule), DEL and the C1 controls (YAML 1.1's NEL, §5.4, is a line break), surrogates (a
   * non-BMP character is one column to SnakeYAML, two here), the byte order mark, the line and
   * paragraph separators (line breaks in YAML 1.1), U+FFFE and U+FFFF; and any line that starts
   * with a directive ({@code %}, §6.8) or a document marker ({@code ---}, {@code ...}, §9.1.2-3).
   */
  static void prescan(String text) {
    int length = text.length();
    boolean lineStart = true;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        if (c != '\n') {
          throw unsupported();
        }
        lineStart = true;
        continue;
      }
      if (c >= 0x7F
          && (c <= 0x9F
              || (c >= 0xD800 && c <= 0xDFFF)
              || c == 0xFEFF
              || c == 0x2028
              || c == 0x2029
              || c >= 0xFFFE)) {
        throw unsupported();
      }
      if (lineStart
          && (c == '%'
              || ((c == '-' || c == '.') && text.startsWith(c == '-' ? "---" : "...", i)))) {
        throw unsupported();
      }
      lineStart = false;
    }
  }

  int line() {
    return line;
  }

  int column() {
    return pos - lineStart;
  }

  boolean atEnd() {
    return pos >= length;
  }

  /** The character at the reader, or 0 at the end. */
  char peek() {
    return pos < length ? text.charAt(pos) : 0;
  }

  /** The character {@code ahead} places on, or 0 past the end. */
  char peek(int ahead) {
    int at = pos + ahead;
    return at < length ? text.charAt(at) : 0;
  }

  /** At a line break or the end of the text. */
  boolean atLineEnd() {
    return pos >= length || text.charAt(pos) == '\n';
  }

  /** A space, a line break or the end follows {@code ahead} places on. */
  private boolean blankAt(int ahead) {
    char c = peek(ahead);
    return c == 0 || c == ' ' || c == '\n';
  }

  void forward() {
    pos++;
  }

  private void newLine() {
    pos++; // the '\n'
    line++;
    lineStart = pos;
  }

  void skipSpaces() {
    while (pos < length && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  /**
   * After a value: spaces, then an optional comment (§6.6: a {@code #} after white space), then the
   * line's end; refuses anything else.
   */
  void endOfLine() {
    skipSpaces();
    if (peek() == '#' && pos > lineStart && text.charAt(pos - 1) == ' ') {
      toLineEnd();
    }
    if (!atLineEnd()) {
      throw unsupported();
    }
  }

  private void toLineEnd() {
    while (pos < length && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  /**
   * To the next content: past spaces, comments and line breaks (§6.7 separation lines). Returns
   * false at the end of the text.
   */
  boolean skipToContent() {
    while (true) {
      skipSpaces();
      if (pos >= length) {
        return false;
      }
      char c = text.charAt(pos);
      if (c == '#') {
        // a comment needs white space before it; at a line's start there is none to need
        if (pos > lineStart && text.charAt(pos - 1) != ' ') {
          throw unsupported();
        }
        toLineEnd();
      } else if (c == '\n') {
        newLine();
      } else {
        return true;
      }
    }
  }

  /**
   * Past white space inside a flow collection (§7.1): spaces and line breaks; no comments (refused
   * to keep the rule simple).
   */
  void skipFlowSpace() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ') {
        pos++;
      } else if (c == '\n') {
        newLine();
      } else if (c == '#') {
        throw unsupported();
      } else {
        return;
      }
    }
  }

  /** A sequence entry indicator: {@code -} then white space (§8.2.1). */
  boolean atEntry() {
    return peek() == '-' && blankAt(1);
  }

  /**
   * Whether a plain scalar may start here (§7.3.3 ns-plain-first): no indicator, except {@code -}
   * before a character that is not white space (a negative number); YAML 1.1's {@code ?} and {@code
   * :} before a character are left to SnakeYAML. In flow context the {@code -} must not be followed
   * by a flow indicator either.
   */
  boolean atPlainStart(boolean flow) {
    char c = peek();
    switch (c) {
      case 0,
          ' ',
          '\n',
          '?',
          ':',
          ',',
          '[',
          ']',
          '{',
          '}',
          '#',
          '&',
          '*',
          '!',
          '|',
          '>',
          '\'',
          '"',
          '%',
          '@',
          '`' -> {
        return false;
      }
      case '-' -> {
        char next = peek(1);
        return !(next == 0 || next == ' ' || next == '\n' || (flow && isFlowIndicator(next)));
      }
      default -> {
        return true;
      }
    }
  }

  private static boolean isFlowIndicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  /**
   * A one-line plain scalar in block context (§7.3.3): up to a {@code ": "} (or a colon at the
   * line's end), a {@code " #"} comment or the line's end, trailing spaces dropped. The caller has
   * checked {@link #atPlainStart}. The reader stops after the last character of the scalar.
   */
  String plainBlock() {
    int start = pos;
    int end = pos;
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == '\n') {
        break;
      }
      if (c == ':' && blankAt(1)) {
        break;
      }
      if (c == '#' && text.charAt(pos - 1) == ' ') {
        break;
      }
      pos++;
      if (c != ' ') {
        end = pos;
      }
    }
    pos = end;
    return text.substring(start, end);
  }

  /**
   * A one-line plain scalar in flow context (§7.3.3, YAML 1.1's reading): up to a flow indicator, a
   * colon or the line's end, trailing spaces dropped. A colon not followed by a space, a {@code #}
   * or a {@code ?} inside, and a scalar that runs to the line's end (it could continue on the next
   * line) are refused. The reader stops after the last character of the scalar.
   */
  String plainFlow() {
    int start = pos;
    int end = pos;
    while (true) {
      char c = peek();
      if (c == 0 || c == '\n' || c == '#' || c == '?') {
        throw unsupported();
      }
      if (isFlowIndicator(c)) {
        if (c == '[' || c == '{') {
          throw unsupported();
        }
        break;
      }
      if (c == ':') {
        if (peek(1) != ' ') {
          throw unsupported();
        }
        break;
      }
      pos++;
      if (c != ' ') {
        end = pos;
      }
    }
    pos = end;
    return text.substring(start, end);
  }

  /**
   * Whether a key's {@code ":"} follows, with a space or the line's end after it (§7.4, §8.2.2).
   */
  boolean atKeyColon(boolean flow) {
    return peek() == ':' && (flow ? peek(1) == ' ' : blankAt(1));
  }

  /** Checks a key's length against {@link #KEY_LIMIT}. */
  static void checkKeyLength(int start, int end) {
    if (end - start > KEY_LIMIT) {
      throw unsupported();
    }
  }

  int position() {
    return pos;
  }

  /** Back to {@code position} on the same line (after a look ahead). */
  void rewind(int position) {
    pos = position;
  }

  /**
   * A double-quoted scalar on one line (§7.3.1) with YAML 1.1's escapes (§5.7): the reader is on
   * the opening quote and stops after the closing one. Line folding inside quotes, the escaped line
   * break, {@code \/}, {@code \U} and hexadecimal escapes (x, u) that are malformed or make half a
   * surrogate pair are refused.
   */
  String doubleQuoted() {
    pos++; // the opening quote
    StringBuilder out = null;
    int runStart = pos;
    while (true) {
      if (pos >= length) {
        throw unsupported();
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String value =
            out == null
                ? text.substring(runStart, pos)
                : out.append(text, runStart, pos).toString();
        pos++;
        return value;
      }
      if (c == '\n') {
        throw unsupported();
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, runStart, pos);
      char e = peek(1);
      pos += 2;
      switch (e) {
        case '0' -> out.append('\0');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'v' -> out.append('\u000B');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'e' -> out.append('\u001B');
        case ' ' -> out.append(' ');
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'N' -> out.append('\u0085');
        case '_' -> out.append('\u00A0');
        case 'L' -> out.append('\u2028');
        case 'P' -> out.append('\u2029');
        case 'x' -> out.append(hex(2));
        case 'u' -> out.append(hex(4));
        default -> throw unsupported();
      }
      runStart = pos;
    }
  }

  private char hex(int digits) {
    if (pos + digits > length) {
      throw unsupported();
    }
    int value = 0;
    for (int i = 0; i < digits; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0 || text.charAt(pos + i) > 'f') {
        throw unsupported(); // Character.digit also takes non-ASCII digits
      }
      value = value * 16 + digit;
    }
    pos += digits;
    if (value >= 0xD800 && value <= 0xDFFF) {
      throw unsupported();
    }
    return (char) value;
  }

  /**
   * An anchor's or alias's name after its {@code &} or {@code *} (§6.9.2, §7.1): letters, digits,
   * {@code -} and {@code _} only (SnakeYAML's older, narrower rule), followed by white space, or in
   * flow context by {@code ,}, {@code ]} or {@code }}.
   */
  String name(boolean flow) {
    pos++; // the indicator
    int start = pos;
    while (pos < length) {
      char c = text.charAt(pos);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        pos++;
      } else {
        break;
      }
    }
    char after = peek();
    boolean ends = after == 0 || after == ' ' || after == '\n';
    if (pos == start || !(ends || (flow && (after == ',' || after == ']' || after == '}')))) {
      throw unsupported();
    }
    return text.substring(start, pos);
  }

  /** The line and column (0-based) of the folded scalar's end, set by {@link #folded}. */
  private int foldedEndLine;

  private int foldedEndColumn;

  int foldedEndLine() {
    return foldedEndLine;
  }

  int foldedEndColumn() {
    return foldedEndColumn;
  }

  /**
   * A folded block scalar (§8.1.3) whose header (§8.1.1) is {@code >}, {@code >-} or {@code >+}
   * with an optional comment; the reader is on the {@code >}. Its indentation is that of its first
   * line, which must be deeper than {@code parentIndent} and come straight after the header (no
   * leading empty lines, no explicit indentation indicator). Lines are folded as §6.5 says: a break
   * between two lines that start with a non-space becomes a space, or is dropped when empty lines
   * follow it, each empty line then giving a line feed; a break next to a more-indented line is
   * kept. Chomping (§8.1.1.2, as in YAML 1.1): strip drops the final break and trailing empty
   * lines, clip keeps the final break, keep keeps them all. The scalar ends at the first line less
   * indented that has content, and the reader stops at that line's start (SnakeYAML's end mark: the
   * start of the line after the last break read).
   */
  String folded(int parentIndent) {
    pos++; // '>'
    char chomping = peek();
    if (chomping == '-' || chomping == '+') {
      pos++;
    } else {
      chomping = 0;
    }
    if (!(peek() == ' ' || atLineEnd())) {
      throw unsupported(); // an indentation indicator, or anything else
    }
    endOfLine();
    if (pos >= length) {
      throw unsupported();
    }
    newLine();
    skipSpaces();
    int indent = column();
    if (indent <= parentIndent || atLineEnd()) {
      throw unsupported(); // leading empty lines, or no content line
    }
    StringBuilder out = new StringBuilder();
    String breaks = "";
    String lineBreak = "";
    foldedEndLine = line;
    foldedEndColumn = 0;
    while (column() == indent && pos < length) {
      out.append(breaks);
      boolean leadingNonSpace = peek() != ' ';
      int start = pos;
      toLineEnd(); // the rest of the line is content
      out.append(text, start, pos);
      lineBreak = pos < length ? "\n" : "";
      if (pos < length) {
        newLine();
      }
      foldedEndLine = line;
      foldedEndColumn = column();
      breaks = emptyLines(indent);
      if (column() == indent && pos < length) {
        if (lineBreak.equals("\n") && leadingNonSpace && peek() != ' ') {
          if (breaks.isEmpty()) {
            out.append(' ');
          }
        } else {
          out.append(lineBreak);
        }
      } else {
        break;
      }
    }
    if (chomping != '-') {
      out.append(lineBreak);
    }
    if (chomping == '+') {
      out.append(breaks);
    }
    return out.toString();
  }

  /**
   * Empty lines inside or after a block scalar: up to {@code indent} spaces, then line breaks each
   * followed by up to {@code indent} spaces; returns a line feed per break and records where the
   * last break left the reader.
   */
  private String emptyLines(int indent) {
    StringBuilder breaks = null;
    skipIndent(indent);
    while (pos < length && text.charAt(pos) == '\n') {
      if (breaks == null) {
        breaks = new StringBuilder();
      }
      breaks.append('\n');
      newLine();
      foldedEndLine = line;
      foldedEndColumn = 0;
      skipIndent(indent);
    }
    return breaks == null ? "" : breaks.toString();
  }

  private void skipIndent(int indent) {
    while (column() < indent && pos < length && text.charAt(pos) == ' ') {
      pos++;
    }
  }
}
