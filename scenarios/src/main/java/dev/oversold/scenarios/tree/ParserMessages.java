package dev.oversold.scenarios.tree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the YAML and JSON parsers' messages in the project's words: no library feature flags
 * ({@code enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow}), no redacted-source notes,
 * no parser event class names. The user can act on none of those.
 */
final class ParserMessages {
  private static final Pattern FEATURE_HINT =
      Pattern.compile("\\s*[:;(]?\\s*(enable|disable)?\\s*`?\\w+Feature\\.\\w+`?[^;)]*\\)?");
  private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\[?\\s*Source: [^\\]]*\\]?");
  private static final Pattern EVENT = Pattern.compile("(?:[a-z]+\\.)+events\\.(\\w+?)Event");
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?:[a-z][a-z0-9_]*\\.){2,}([A-Z]\\w*)");

  private ParserMessages() {}

  static String plain(String message) {
    String text = message.replace("Non-standard token", "not a JSON value:");
    text = SOURCE_NOTE.matcher(text).replaceAll("");
    text = FEATURE_HINT.matcher(text).replaceAll("");
    Matcher event = EVENT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (event.find()) {
      event.appendReplacement(out, Matcher.quoteReplacement(eventWords(event.group(1))));
    }
    event.appendTail(out);
    text = CLASS_NAME.matcher(out.toString()).replaceAll("$1");
    return text.strip();
  }

  private static String eventWords(String event) {
    return switch (event) {
      case "SequenceStart" -> "the start of a list";
      case "SequenceEnd" -> "the end of a list";
      case "MappingStart" -> "the start of a mapping";
      case "MappingEnd" -> "the end of a mapping";
      case "Scalar" -> "a value";
      case "Alias" -> "an alias";
      case "DocumentStart" -> "the start of a document";
      case "DocumentEnd" -> "the end of a document";
      default -> "YAML syntax";
    };
  }
}
