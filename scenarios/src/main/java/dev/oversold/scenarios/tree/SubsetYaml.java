package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.tree.Node.ScalarType;
import dev.oversold.scenarios.tree.SubsetScanner.Unsupported;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * YAML text in the subset scenario files use, read without SnakeYAML, as the same tokens {@link
 * YamlEvents} gives for it: the same kinds in the same order, texts, scalar types ({@link
 * ScalarTyping}), container anchors (scalar anchors unreported, as there) and the same start and
 * end of every token as SnakeYAML's event marks place them.
 *
 * <p>The subset: one document whose root is a block mapping or sequence at column 0; block mappings
 * (§8.2.2) with one-line plain or double-quoted keys, block sequences (§8.2.1, with the
 * "indentless" form under a key), one-line flow mappings and sequences (§7.4, line breaks allowed
 * between entries), one-line plain and double-quoted scalars, folded block scalars ({@link
 * SubsetScanner#folded}) as mapping values, comments, anchors and aliases ({@code <<} merge keys
 * are ordinary keys here: the tree builder merges). Everything else (tags, {@code ?} keys, literal
 * and single-quoted scalars, multi-line plain and quoted scalars, directives, several documents,
 * tabs, empty entries, deep nesting) makes {@link #read} return null, having produced nothing: the
 * caller then reads the text with SnakeYAML from its start, so every error message and location
 * stays SnakeYAML's.
 *
 * <p>The whole text is read when the reader is made, so "is it in the subset" is decided before the
 * first token is handed out.
 */
final class SubsetYaml implements Tokens {
  /** Deeper nesting goes to SnakeYAML, whose limit and the tree's (64) then speak as before. */
  private static final int MAX_DEPTH = 40;

  private final String source;
  private final SubsetScanner scanner;

  private int count;
  private Kind[] kinds = new Kind[256];
  private ScalarType[] types = new ScalarType[256];
  private String[] texts = new String[256];
  private @Nullable String[] anchors = new String[256];

  /** Start line, start column, end line, end column (0-based) of each token. */
  private int[] marks = new int[1024];

  private int depth;
  private int at = -1;

  private SubsetYaml(String text, String source) {
    this.source = source;
    this.scanner = new SubsetScanner(text);
  }

  /** The tokens of {@code text}, or null when it is not all in the subset. */
  static @Nullable Tokens read(String text, String source) {
    try {
      SubsetScanner.prescan(text);
      SubsetYaml tokens = new SubsetYaml(text, source);
      tokens.document();
      return tokens;
    } catch (Unsupported e) {
      return null;
    }
  }

  // ---- the producer: block structure (§8.2), flow collections (§7.4) ----

  private void document() {
    SubsetScanner s = scanner;
    if (!s.skipToContent() || s.column() != 0) {
      throw SubsetScanner.unsupported();
    }
    blockNode(null, 0, 0);
    if (s.skipToContent()) {
      throw SubsetScanner.unsupported();
    }
  }

  /**
   * A block mapping or sequence starting at the reader's column; {@code anchor} with its place when
   * one was written before it (on the line of its key).
   */
  private void blockNode(@Nullable String anchor, int anchorLine, int anchorColumn) {
    if (scanner.atEntry()) {
      blockSequence(scanner.column(), false, anchor, anchorLine, anchorColumn);
    } else {
      blockMapping(scanner.column(), anchor, anchorLine, anchorColumn);
    }
  }

  private void blockMapping(int column, @Nullable String anchor, int anchorLine, int anchorColumn) {
    SubsetScanner s = scanner;
    int line = s.line();
    int col = s.column();
    // SnakeYAML's mapping start: from the anchor (or the first key) to the first key
    startContainer(
        Kind.START_MAP,
        anchor,
        anchor == null ? line : anchorLine,
        anchor == null ? col : anchorColumn,
        line,
        col);
    while (true) {
      entry(column);
      if (!s.skipToContent() || s.column() < column) {
        blockEnd(Kind.END_MAP);
        return;
      }
      if (s.column() > column) {
        throw SubsetScanner.unsupported();
      }
    }
  }

  /** One {@code key: value} of a block mapping whose keys are at {@code column}. */
  private void entry(int column) {
    SubsetScanner s = scanner;
    int line = s.line();
    int col = s.column();
    int start = s.position();
    String key;
    if (s.peek() == '"') {
      key = s.doubleQuoted();
    } else if (s.atPlainStart(false)) {
      key = s.plainBlock();
    } else {
      throw SubsetScanner.unsupported(); // '?' keys, anchors or tags on keys, entries in a mapping
    }
    SubsetScanner.checkKeyLength(start, s.position());
    if (!s.atKeyColon(false)) {
      throw SubsetScanner.unsupported();
    }
    add(Kind.KEY, key, ScalarType.STRING, null, line, col, s.line(), s.column());
    s.forward(); // ':'
    mappingValue(column);
  }

  /** What follows a block mapping's {@code ":"}: on the same line, or on the lines below. */
  private void mappingValue(int column) {
    SubsetScanner s = scanner;
    int colonLine = s.line();
    int colonEnd = s.column();
    s.skipSpaces();
    String anchor = null;
    int anchorLine = 0;
    int anchorColumn = 0;
    int anchorEndColumn = 0;
    if (s.peek() == '&') {
      anchorLine = s.line();
      anchorColumn = s.column();
      anchor = s.name(false);
      anchorEndColumn = s.column();
      s.skipSpaces();
    }
    if (s.peek() == '#' || s.atLineEnd()) {
      s.endOfLine();
      boolean more = s.skipToContent();
      if (more && s.column() > column) {
        blockNode(anchor, anchorLine, anchorColumn);
      } else if (more && s.column() == column && s.atEntry()) {
        blockSequence(column, true, anchor, anchorLine, anchorColumn);
      } else if (anchor != null) {
        // an empty scalar carrying the anchor: SnakeYAML marks it with the anchor's span
        add(
            Kind.SCALAR,
            "",
            typed("", true),
            null,
            anchorLine,
            anchorColumn,
            anchorLine,
            anchorEndColumn);
      } else {
        // an empty scalar at the end of the ':' (SnakeYAML's processEmptyScalar mark)
        add(Kind.SCALAR, "", typed("", true), null, colonLine, colonEnd, colonLine, colonEnd);
      }
      return;
    }
    if (inlineValue(column, true, anchor, anchorLine, anchorColumn)) {
      s.endOfLine();
    }
  }

  /**
   * A block sequence whose entries are at {@code column}; {@code indentless} for one written at its
   * parent key's column, which SnakeYAML marks from the first {@code -} to its end.
   */
  private void blockSequence(
      int column, boolean indentless, @Nullable String anchor, int anchorLine, int anchorColumn) {
    SubsetScanner s = scanner;
    int line = s.line();
    int col = s.column();
    startContainer(
        Kind.START_LIST,
        anchor,
        anchor == null ? line : anchorLine,
        anchor == null ? col : anchorColumn,
        line,
        indentless ? col + 1 : col);
    while (true) {
      s.forward(); // '-'
      sequenceEntry(column);
      if (!s.skipToContent() || s.column() < column) {
        blockEnd(Kind.END_LIST);
        return;
      }
      if (s.column() > column) {
        throw SubsetScanner.unsupported();
      }
      if (!s.atEntry()) {
        if (!indentless) {
          throw SubsetScanner.unsupported(); // a key at a sequence's column
        }
        blockEnd(Kind.END_LIST); // the parent mapping's next key
        return;
      }
    }
  }

  /** What follows a {@code -}: a value on its line (a compact mapping among them) or below. */
  private void sequenceEntry(int column) {
    SubsetScanner s = scanner;
    s.skipSpaces();
    String anchor = null;
    int anchorLine = 0;
    int anchorColumn = 0;
    if (s.peek() == '&') {
      anchorLine = s.line();
      anchorColumn = s.column();
      anchor = s.name(false);
      s.skipSpaces();
    }
    if (s.peek() == '#' || s.atLineEnd()) {
      s.endOfLine();
      if (!s.skipToContent() || s.column() <= column) {
        throw SubsetScanner.unsupported(); // an empty entry
      }
      blockNode(anchor, anchorLine, anchorColumn);
      return;
    }
    if (anchor == null && (s.peek() == '"' || s.atPlainStart(false))) {
      // a compact mapping ("- key: value") when the scalar is followed by a key's ':'
      int from = s.position();
      if (s.peek() == '"') {
        s.doubleQuoted();
      } else {
        s.plainBlock();
      }
      boolean key = s.atKeyColon(false);
      s.rewind(from);
      if (key) {
        blockMapping(s.column(), null, 0, 0);
        return;
      }
    }
    if (s.atEntry() || s.peek() == '>') {
      throw SubsetScanner.unsupported(); // "- - x", and a folded scalar as an entry
    }
    if (inlineValue(column, false, anchor, anchorLine, anchorColumn)) {
      s.endOfLine();
    }
  }

  /**
   * A value written on its key's or entry's line, the reader on its first character. Returns false
   * when it has consumed its lines already (a folded scalar).
   */
  private boolean inlineValue(
      int indent, boolean folded, @Nullable String anchor, int anchorLine, int anchorColumn) {
    SubsetScanner s = scanner;
    int line = anchor == null ? s.line() : anchorLine;
    int col = anchor == null ? s.column() : anchorColumn;
    char c = s.peek();
    if (aliasQuotedOrCollection(false, anchor, line, col)) {
      return true;
    } else if (c == '>' && folded) {
      String value = s.folded(indent);
      add(
          Kind.SCALAR,
          value,
          typed(value, false),
          null,
          line,
          col,
          s.foldedEndLine(),
          s.foldedEndColumn());
      return false;
    } else if (s.atPlainStart(false)) {
      String value = s.plainBlock();
      if (s.atKeyColon(false)) {
        throw SubsetScanner.unsupported(); // "a: b: c", or a key with an anchor
      }
      add(Kind.SCALAR, value, typed(value, true), null, line, col, s.line(), s.column());
    } else {
      throw SubsetScanner.unsupported();
    }
    return true;
  }

  /**
   * An alias, a double-quoted scalar or a flow collection at the reader, read alike in block and
   * flow context except where an alias name ends ({@code inFlow}); the value's anchor, if any, is
   * placed at line, col. Returns false, having read nothing, when the value is none of these.
   */
  private boolean aliasQuotedOrCollection(
      boolean inFlow, @Nullable String anchor, int line, int col) {
    SubsetScanner s = scanner;
    char c = s.peek();
    if (c == '*') {
      if (anchor != null) {
        throw SubsetScanner.unsupported();
      }
      String name = s.name(inFlow);
      add(Kind.ALIAS, name, ScalarType.STRING, null, line, col, s.line(), s.column());
    } else if (c == '"') {
      String value = s.doubleQuoted();
      add(Kind.SCALAR, value, typed(value, false), null, line, col, s.line(), s.column());
    } else if (c == '{' || c == '[') {
      flowCollection(anchor, line, col);
    } else {
      return false;
    }
    return true;
  }

  /** A flow mapping or sequence (§7.4), the reader on its bracket; anchor placed at line, col. */
  private void flowCollection(@Nullable String anchor, int line, int col) {
    SubsetScanner s = scanner;
    boolean map = s.peek() == '{';
    char close = map ? '}' : ']';
    s.forward();
    startContainer(map ? Kind.START_MAP : Kind.START_LIST, anchor, line, col, s.line(), s.column());
    s.skipFlowSpace();
    if (s.peek() == close) {
      flowEnd(map);
      return;
    }
    while (true) {
      if (map) {
        int keyLine = s.line();
        int keyCol = s.column();
        int start = s.position();
        String key;
        if (s.peek() == '"') {
          key = s.doubleQuoted();
        } else if (s.atPlainStart(true)) {
          key = s.plainFlow();
        } else {
          throw SubsetScanner.unsupported();
        }
        SubsetScanner.checkKeyLength(start, s.position());
        if (!s.atKeyColon(true)) {
          throw SubsetScanner.unsupported();
        }
        add(Kind.KEY, key, ScalarType.STRING, null, keyLine, keyCol, s.line(), s.column());
        s.forward(); // ':'
        s.skipFlowSpace();
      }
      flowValue();
      s.skipFlowSpace();
      char c = s.peek();
      if (c == close) {
        flowEnd(map);
        return;
      }
      if (c != ',') {
        throw SubsetScanner.unsupported(); // "[a: 1]", a missing comma, the wrong bracket
      }
      s.forward();
      s.skipFlowSpace();
      if (s.peek() == close || s.peek() == ',') {
        throw SubsetScanner.unsupported(); // a trailing comma or an empty entry
      }
    }
  }

  private void flowValue() {
    SubsetScanner s = scanner;
    String anchor = null;
    int line = s.line();
    int col = s.column();
    if (s.peek() == '&') {
      anchor = s.name(true);
      if (s.peek() != ' ') {
        throw SubsetScanner.unsupported(); // an empty value with an anchor
      }
      s.skipSpaces();
    }
    if (aliasQuotedOrCollection(true, anchor, line, col)) {
      return;
    } else if (s.atPlainStart(true)) {
      String value = s.plainFlow();
      add(Kind.SCALAR, value, typed(value, true), null, line, col, s.line(), s.column());
    } else {
      throw SubsetScanner.unsupported();
    }
  }

  private void flowEnd(boolean map) {
    SubsetScanner s = scanner;
    int line = s.line();
    int col = s.column();
    s.forward();
    depth--;
    add(
        map ? Kind.END_MAP : Kind.END_LIST,
        "",
        ScalarType.STRING,
        null,
        line,
        col,
        s.line(),
        s.column());
  }

  /** A block collection's end, marked where the next content (or the text's end) stands. */
  private void blockEnd(Kind kind) {
    depth--;
    int line = scanner.line();
    int col = scanner.column();
    add(kind, "", ScalarType.STRING, null, line, col, line, col);
  }

  private void startContainer(
      Kind kind, @Nullable String anchor, int line, int col, int endLine, int endCol) {
    if (++depth > MAX_DEPTH) {
      throw SubsetScanner.unsupported();
    }
    add(kind, "", ScalarType.STRING, anchor, line, col, endLine, endCol);
  }

  /** The type YamlEvents gives; a value it would refuse goes to SnakeYAML with its message. */
  private static ScalarType typed(String value, boolean plain) {
    try {
      ScalarType type = ScalarTyping.type(value, null, plain);
      if (type == null) {
        throw SubsetScanner.unsupported();
      }
      return type;
    } catch (ScalarTyping.Refusal refusal) {
      throw SubsetScanner.unsupported();
    }
  }

  private void add(
      Kind kind,
      String text,
      ScalarType type,
      @Nullable String anchor,
      int line,
      int col,
      int endLine,
      int endCol) {
    if (count == kinds.length) {
      int size = count * 2;
      kinds = Arrays.copyOf(kinds, size);
      types = Arrays.copyOf(types, size);
      texts = Arrays.copyOf(texts, size);
      anchors = Arrays.copyOf(anchors, size);
      marks = Arrays.copyOf(marks, size * 4);
    }
    kinds[count] = kind;
    types[count] = type;
    texts[count] = text;
    anchors[count] = anchor;
    int m = count * 4;
    marks[m] = line;
    marks[m + 1] = col;
    marks[m + 2] = endLine;
    marks[m + 3] = endCol;
    count++;
  }

  // ---- Tokens: the recorded tokens, handed out in order ----

  @Override
  public @Nullable Kind next() {
    if (at + 1 >= count) {
      at = count;
      return null;
    }
    at++;
    return kinds[at];
  }

  @Override
  public Location tokenLocation() {
    return mark(0);
  }

  @Override
  public Location currentLocation() {
    return mark(2);
  }

  /** YamlEvents' place after the last token: its end, the text's end once all are read. */
  private Location mark(int offset) {
    int i = Math.min(at, count - 1);
    if (i < 0) {
      return new Location(source, 1, 1);
    }
    return new Location(source, marks[i * 4 + offset] + 1, marks[i * 4 + offset + 1] + 1);
  }

  @Override
  public String text() {
    return at >= 0 && at < count ? texts[at] : "";
  }

  @Override
  public ScalarType scalarType() {
    return at >= 0 && at < count ? types[at] : ScalarType.STRING;
  }

  @Override
  public @Nullable String anchor() {
    return at >= 0 && at < count ? anchors[at] : null;
  }

  @Override
  public @Nullable String tag() {
    return null;
  }
}
