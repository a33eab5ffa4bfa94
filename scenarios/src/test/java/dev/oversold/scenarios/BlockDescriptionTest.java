package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The line reader of block-scalar descriptions against the YAML parser: for the bundled files the
 * expected text is what the full loader (Jackson's YAML parser, binding, conversion) reads; for the
 * hand-written cases it is worked out from the YAML 1.2 rules for block scalars, with whitespace
 * collapsed as {@code oversold list} shows it.
 */
final class BlockDescriptionTest {
  @Test
  void everyBundledFile_matchesTheDescriptionTheYamlParserReads() throws ScenarioException {
    for (ScenarioLibrary.Entry entry : ScenarioLibrary.list()) {
      String parsed =
          ScenarioLibrary.load(entry.name(), List.of())
              .description()
              .replaceAll("\\s+", " ")
              .strip();
      Optional<String> scanned = BlockDescription.of(ScenarioLibrary.text(entry));
      assertEquals(Optional.of(parsed), scanned, entry.name());
      assertEquals(parsed, entry.description(), entry.name());
    }
  }

  @Test
  void foldedBlock_endsAtTheNextTopLevelKey_blankAndMoreIndentedLinesKept() {
    String text =
        """
        scenario: s
        description: >-
          First line,
            more indented;

          after a blank line.
        duration: 1m
        """;
    assertEquals(
        Optional.of("First line, more indented; after a blank line."), BlockDescription.of(text));
  }

  @Test
  void literalBlock_endsAtATopLevelComment() {
    String text = "description: |\n  one\n  two\n# a comment\nduration: 1m\n";
    assertEquals(Optional.of("one two"), BlockDescription.of(text));
  }

  @Test
  void otherForms_areLeftToTheParser() {
    // plain, quoted, explicit indentation indicator, duplicate key, tab indentation, a line less
    // indented than the block's first, an empty block, no description at all
    for (String text :
        List.of(
            "description: plain text\n",
            "description: \"quoted\"\n",
            "description: >2\n   text\n",
            "description: >\n  a\ndescription: >\n  b\n",
            "description: >\n\ttab\n",
            "description: >\n    deep\n  shallow\n",
            "description: >\nduration: 1m\n",
            "scenario: s\n")) {
      assertEquals(Optional.empty(), BlockDescription.of(text), text);
    }
  }

  /**
   * The regex-free line split and whitespace collapse against the regular expressions they replace
   * ({@code split("\\r?\\n", -1)}, {@code replaceAll("\\s+", " ")}), the independent
   * implementation: empty text, a lone carriage return (not a line end), CRLF and LF mixed, blank
   * lines at both ends, and every character of {@code \\s} (space, tab, LF, vertical tab, form
   * feed, CR) next to a non-breaking space, which {@code \\s} does not match.
   */
  @Test
  void lineSplitAndWhitespaceCollapse_equalTheRegularExpressions() {
    List<String> texts =
        List.of(
            "",
            "\n",
            "\r\n",
            "a",
            "a\rb",
            "a\r\r\nb\n\nc\r\n",
            "\n\nx: >\n  y\r\n  z\n",
            " \t\u000B\f\r\n word \u00A0 two\t\tthree  ",
            "\u00A0\u2003lead and trail\u2003 ");
    for (String text : texts) {
      assertEquals(List.of(text.split("\r?\n", -1)), List.of(BlockDescription.lines(text)), text);
      assertEquals(text.replaceAll("\\s+", " "), BlockDescription.collapseWhitespace(text), text);
    }
  }
}
