package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.tree.Node.ScalarType;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * YAML text as tokens straight from SnakeYAML's event parser. Scenario files used to be read
 * through Jackson's {@code YAMLParser}, which turns the same events into the same tokens; this
 * reader gives the tokens, locations, anchors, tags and error messages that one gave (keys inferred
 * inside mappings, an error placed at the end of the last event read, scalar anchors not reported,
 * scalars typed by {@link ScalarTyping}), without Jackson's per-token objects and regular
 * expressions. {@code TreeReaderEquivalenceProperties} compares the two readers.
 */
final class YamlEvents implements Tokens {
  private final String source;
  private final ParserImpl parser;

  /** Open containers, innermost first: true for a mapping. */
  private final Deque<Boolean> open = new ArrayDeque<>();

  private @Nullable Event last;
  private @Nullable Kind current;
  private String text = "";
  private ScalarType scalarType = ScalarType.STRING;
  private @Nullable String anchor;
  private @Nullable String tag;
  private boolean closed;

  YamlEvents(String text, String source) {
    this.source = source;
    // through a Reader, as Jackson did: SnakeYAML then names the input 'reader' in its marks
    this.parser = new ParserImpl(new StreamReader(new StringReader(text)), options());
  }

  /** The limits the old reader gave SnakeYAML (see {@link TreeReader}). */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(100);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(TreeReader.MAX_DEPTH + 1);
    options.setCodePointLimit(TreeReader.MAX_CHARS + 1);
    options.setAllowDuplicateKeys(true); // reported by the tree builder, with both locations
    return options;
  }

  @Override
  public @Nullable Kind next() throws SyntaxError {
    anchor = null;
    tag = null;
    if (closed) {
      return null;
    }
    while (true) {
      Event event = event();
      last = event;
      boolean inMap = Boolean.TRUE.equals(open.peek());
      if (inMap && current != Kind.KEY) {
        if (event instanceof ScalarEvent key) {
          text = key.getValue();
          return now(Kind.KEY);
        }
        if (event.is(Event.ID.MappingEnd)) {
          open.pop();
          return now(Kind.END_MAP);
        }
        throw error("Expected a field name (Scalar value in YAML), got this instead: " + event);
      }
      switch (event.getEventId()) {
        case Scalar -> {
          ScalarEvent scalar = (ScalarEvent) event;
          text = scalar.getValue();
          tag = stripped(scalar.getTag());
          ScalarType type = type(scalar);
          if (type == null) {
            return now(null); // Jackson ends the input at a tagged !!int of a bare sign
          }
          scalarType = type;
          return now(Kind.SCALAR);
        }
        case MappingStart, SequenceStart -> {
          CollectionStartEvent start = (CollectionStartEvent) event;
          anchor = start.getAnchor();
          tag = stripped(start.getTag());
          boolean map = event.is(Event.ID.MappingStart);
          open.push(map);
          return now(map ? Kind.START_MAP : Kind.START_LIST);
        }
        case MappingEnd -> throw error("Not expecting END_OBJECT but a value");
        case SequenceEnd -> {
          if (open.isEmpty() || open.peek()) {
            throw error("Unexpected close marker ']'");
          }
          open.pop();
          return now(Kind.END_LIST);
        }
        case Alias -> {
          text = ((AliasEvent) event).getAnchor();
          return now(Kind.ALIAS);
        }
        case StreamEnd -> {
          closed = true;
          return now(null);
        }
        default -> {
          // stream and document starts and ends carry nothing
        }
      }
    }
  }

  private @Nullable Kind now(@Nullable Kind kind) {
    current = kind;
    return kind;
  }

  private Event event() throws SyntaxError {
    try {
      return parser.getEvent();
    } catch (YAMLException e) {
      throw new SyntaxError(e.getMessage(), currentLocation());
    } catch (NumberFormatException e) {
      throw error(
          String.format(
              Locale.ROOT,
              "Malformed Number token: failed to tokenize due to (%s): %s",
              e.getClass().getName(),
              e.getMessage()));
    }
  }

  private @Nullable ScalarType type(ScalarEvent scalar) throws SyntaxError {
    try {
      return ScalarTyping.type(
          scalar.getValue(), scalar.getTag(), scalar.getImplicit().canOmitTagInPlainScalar());
    } catch (ScalarTyping.Refusal refusal) {
      if (refusal.digits > 0) {
        SyntaxError tooLong = JsonTokens.integerTooLong(refusal.digits, source);
        if (tooLong != null) {
          throw tooLong;
        }
      }
      throw new SyntaxError(refusal.getMessage(), currentLocation());
    }
  }

  /** Jackson's {@code getTypeId}: the tag without its leading exclamation marks. */
  private static @Nullable String stripped(@Nullable String tag) {
    if (tag == null) {
      return null;
    }
    int i = 0;
    while (i < tag.length() && tag.charAt(i) == '!') {
      i++;
    }
    return tag.substring(i);
  }

  private SyntaxError error(String message) {
    return new SyntaxError(message, currentLocation());
  }

  @Override
  public Location tokenLocation() {
    return location(last == null ? null : last.getStartMark());
  }

  @Override
  public Location currentLocation() {
    return location(last == null ? null : last.getEndMark());
  }

  private Location location(@Nullable Mark mark) {
    if (mark == null) {
      return new Location(source, 1, 1);
    }
    return new Location(source, Math.max(1, mark.getLine() + 1), Math.max(1, mark.getColumn() + 1));
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public ScalarType scalarType() {
    return scalarType;
  }

  @Override
  public @Nullable String anchor() {
    return anchor;
  }

  @Override
  public @Nullable String tag() {
    return tag;
  }
}
