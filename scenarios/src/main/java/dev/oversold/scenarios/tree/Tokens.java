package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.tree.Node.ScalarType;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A document as a stream of tokens in Jackson's shape: a mapping's keys come as tokens of their own
 * before their values. {@link TreeReader} builds its tree from one; JSON text comes through
 * Jackson's parser ({@link JsonTokens}), YAML straight from SnakeYAML's events ({@link
 * YamlEvents}).
 */
interface Tokens {
  /** What a token is. */
  enum Kind {
    KEY,
    START_MAP,
    START_LIST,
    END_MAP,
    END_LIST,
    SCALAR,
    ALIAS
  }

  /**
   * The next token, or null at the end of the input.
   *
   * @throws SyntaxError when the text is not well-formed
   */
  @Nullable Kind next() throws IOException;

  /** Where the current token starts (1-based). */
  Location tokenLocation();

  /** Where the reader stands: the end of the last thing read, for errors found after it. */
  Location currentLocation();

  /**
   * The key of a {@link Kind#KEY}, the text of a {@link Kind#SCALAR}, the anchor an alias names.
   *
   * @throws SyntaxError when the text turns out malformed as it is read (Jackson reads a JSON
   *     string's content only when asked for it)
   */
  String text() throws IOException;

  /** How the current {@link Kind#SCALAR} is typed. */
  ScalarType scalarType();

  /** The anchor ({@code &name}) of the current token, where the reader reports one. */
  @Nullable String anchor();

  /** The current value's tag without its leading {@code !}s ({@code foo} for {@code !foo}). */
  @Nullable String tag();

  /** A syntax error: the parser's own message and the place it names. */
  final class SyntaxError extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    SyntaxError(@Nullable String message, Location location) {
      super(message);
      this.location = location;
    }

    Location location() {
      return location;
    }
  }
}
