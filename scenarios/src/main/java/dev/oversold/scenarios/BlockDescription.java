package dev.oversold.scenarios;

import java.util.Optional;

/**
 * The top-level {@code description} of a scenario file when it is written as a block scalar ({@code
 * description: >} or {@code |}, the style of every bundled file), read from the lines alone: {@code
 * oversold list} shows twelve descriptions, and starting the YAML parser for them was most of that
 * command's time. Any other form (plain or quoted scalars, a key written twice, tabs, an
 * indentation YAML would reject) gives empty, and the caller reads the file with the YAML parser.
 *
 * <p>The text comes back with its whitespace collapsed to single spaces, which is all {@code list}
 * shows, so folding ({@code >}) and literal ({@code |}) blocks need not be told apart.
 */
final class BlockDescription {
  private static final String KEY = "description:";

  private BlockDescription() {}

  /** The description, whitespace collapsed; empty when it is not a plain block scalar. */
  static Optional<String> of(String text) {
    String[] lines = lines(text);
    int keyLine = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(KEY)) {
        if (keyLine >= 0) {
          return Optional.empty(); // a duplicate key: the parser reports it
        }
        keyLine = i;
      }
    }
    if (keyLine < 0 || !isBlockHeader(lines[keyLine].substring(KEY.length()).strip())) {
      return Optional.empty();
    }
    StringBuilder words = new StringBuilder();
    int indent = -1;
    for (int i = keyLine + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        if (line.indexOf('\t') >= 0) {
          return Optional.empty();
        }
        continue;
      }
      int spaces = leadingSpaces(line);
      if (spaces == 0) {
        break; // the next top-level key or comment ends the block
      }
      if (line.charAt(spaces) == '\t') {
        return Optional.empty();
      }
      if (indent < 0) {
        indent = spaces;
      } else if (spaces < indent) {
        return Optional.empty(); // less indented than the block's first line: a YAML error
      }
      words.append(' ').append(line.strip());
    }
    String collapsed = collapseWhitespace(words).strip();
    return collapsed.isEmpty() ? Optional.empty() : Optional.of(collapsed);
  }

  /**
   * The lines of {@code text} as {@code text.split("\r?\n", -1)} gives them, without a regular
   * expression: compiling a pattern and matching it in the interpreter is a start-up cost of {@code
   * oversold list}, which reads twenty files in a fraction of a second (docs/performance.md).
   */
  static String[] lines(String text) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      int end = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      lines.add(text.substring(start, end));
      start = nl + 1;
    }
    lines.add(text.substring(start));
    return lines.toArray(new String[0]);
  }

  /** {@code text.replaceAll("\\s+", " ")} without a regular expression. */
  static String collapseWhitespace(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // \s in java.util.regex: [ \t\n\x0B\f\r]
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
      if (!space) {
        out.append(c);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString();
  }

  /** {@code >} or {@code |} with an optional chomping indicator, and nothing else. */
  private static boolean isBlockHeader(String rest) {
    return rest.equals(">")
        || rest.equals("|")
        || rest.equals(">-")
        || rest.equals("|-")
        || rest.equals(">+")
        || rest.equals("|+");
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
