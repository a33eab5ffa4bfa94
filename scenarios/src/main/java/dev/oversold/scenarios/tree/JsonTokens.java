package dev.oversold.scenarios.tree;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.oversold.scenarios.tree.Node.ScalarType;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * JSON text through Jackson's streaming parser, bounded by {@link #CONSTRAINTS}. Only JSON files
 * load Jackson: YAML is read from SnakeYAML's events ({@link YamlEvents}).
 */
final class JsonTokens implements Tokens {
  /** Nesting one deeper than the tree allows (the tree says so first), numbers and strings. */
  static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(TreeReader.MAX_DEPTH + 1)
          .maxNumberLength(100)
          .maxStringLength(1024 * 1024)
          .maxDocumentLength(TreeReader.MAX_CHARS + 1L)
          .build();

  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  private final String source;
  private final JsonParser parser;

  JsonTokens(String text, String source) throws IOException {
    this.source = source;
    this.parser = JSON.createParser(text);
  }

  @Override
  public @Nullable Kind next() throws IOException {
    JsonToken token;
    try {
      token = parser.nextToken();
    } catch (JacksonException e) {
      throw new SyntaxError(e.getOriginalMessage(), location(source, e.getLocation()));
    }
    if (token == null) {
      return null;
    }
    return switch (token) {
      case FIELD_NAME -> Kind.KEY;
      case START_OBJECT -> Kind.START_MAP;
      case START_ARRAY -> Kind.START_LIST;
      case END_OBJECT -> Kind.END_MAP;
      case END_ARRAY -> Kind.END_LIST;
      default -> Kind.SCALAR;
    };
  }

  @Override
  public Location tokenLocation() {
    return location(source, parser.currentTokenLocation());
  }

  @Override
  public Location currentLocation() {
    return location(source, parser.currentLocation());
  }

  @Override
  public String text() throws IOException {
    try {
      return parser.currentToken() == JsonToken.FIELD_NAME
          ? String.valueOf(parser.currentName())
          : parser.getText();
    } catch (JacksonException e) {
      throw new SyntaxError(e.getOriginalMessage(), location(source, e.getLocation()));
    }
  }

  @Override
  public ScalarType scalarType() {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return ScalarType.STRING;
    }
    return switch (token) {
      case VALUE_NUMBER_INT -> ScalarType.INTEGER;
      case VALUE_NUMBER_FLOAT -> ScalarType.DECIMAL;
      case VALUE_TRUE, VALUE_FALSE -> ScalarType.BOOLEAN;
      case VALUE_NULL -> ScalarType.NULL;
      default -> ScalarType.STRING;
    };
  }

  @Override
  public @Nullable String anchor() {
    return null;
  }

  @Override
  public @Nullable String tag() {
    return null;
  }

  static Location location(String source, @Nullable JsonLocation location) {
    if (location == null) {
      return new Location(source, 1, 1);
    }
    return new Location(
        source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /** Jackson's refusal of an integer of {@code digits} digits, as its YAML parser words it. */
  static @Nullable SyntaxError integerTooLong(int digits, String source) {
    try {
      CONSTRAINTS.validateIntegerLength(digits);
      return null;
    } catch (JacksonException e) {
      return new SyntaxError(e.getOriginalMessage(), location(source, e.getLocation()));
    }
  }

  /**
   * Jackson's MIME base64 decoding of a {@code !!binary} value (its YAML parser decodes one while
   * reading, before the tree refuses the tag).
   *
   * @throws ScalarTyping.Refusal with Jackson's reason when it is not base64
   */
  static void checkBase64(String value) throws ScalarTyping.Refusal {
    try {
      com.fasterxml.jackson.core.Base64Variants.MIME.decode(value);
    } catch (IllegalArgumentException e) {
      throw new ScalarTyping.Refusal(e.getMessage());
    }
  }
}
