package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class ListCommandTest {
  @Test
  void wrap_breaksBetweenWordsAndIndentsContinuations() {
    // width 20: "one two three four" is 18 columns; "five" would reach 23
    assertEquals(
        "one two three four\n  five six", ListCommand.wrap("one two  three four five six", 20, 2));
  }
}
