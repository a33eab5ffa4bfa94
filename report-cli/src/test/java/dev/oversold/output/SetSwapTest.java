package dev.oversold.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SetSwapTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path staged(String name, String text) throws IOException {
    return Files.writeString(dir.resolve("." + name + ".new"), text);
  }

  @Test
  void replace_allRenamesSucceed_newSetInPlaceAndNoBackupsLeft() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "old a");
    Map<Path, Path> set = new LinkedHashMap<>();
    set.put(staged("a.txt", "new a"), dir.resolve("a.txt"));
    set.put(staged("b.txt", "new b"), dir.resolve("b.txt"));
    SetSwap.replace(set);
    assertEquals(List.of("a.txt", "b.txt"), names());
    assertEquals("new a", Files.readString(dir.resolve("a.txt")));
    assertEquals("new b", Files.readString(dir.resolve("b.txt")));
  }

  @Test
  void replace_thirdRenameFails_firstTwoGetTheirOldContentBack() throws IOException {
    // Issue 18: report.csv could not be replaced and report.txt/json were new, report.html old.
    // Here the third target's folder does not exist, so its rename fails after two succeeded.
    Files.writeString(dir.resolve("report.txt"), "old txt");
    Files.writeString(dir.resolve("report.html"), "old html");
    Map<Path, Path> set = new LinkedHashMap<>();
    set.put(staged("report.txt", "new txt"), dir.resolve("report.txt"));
    set.put(staged("report.json", "new json"), dir.resolve("report.json"));
    set.put(staged("report.csv", "new csv"), dir.resolve("gone").resolve("report.csv"));
    set.put(staged("report.html", "new html"), dir.resolve("report.html"));
    assertThrows(IOException.class, () -> SetSwap.replace(set));
    assertEquals("old txt", Files.readString(dir.resolve("report.txt")));
    assertEquals("old html", Files.readString(dir.resolve("report.html")));
    assertFalse(Files.exists(dir.resolve("report.json")), "it did not exist before the set");
    // The two moved files are gone from staging (undone in place); the caller deletes the rest.
    assertEquals(
        List.of(".report.csv.new", ".report.html.new", "report.html", "report.txt"), names());
  }

  @Test
  void replace_aTargetIsAFolder_nothingMoves() throws IOException {
    Files.writeString(dir.resolve("report.txt"), "old txt");
    Files.createDirectories(dir.resolve("report.csv").resolve("inside"));
    Map<Path, Path> set = new LinkedHashMap<>();
    set.put(staged("report.txt", "new txt"), dir.resolve("report.txt"));
    set.put(staged("report.csv", "new csv"), dir.resolve("report.csv"));
    assertThrows(IOException.class, () -> SetSwap.replace(set));
    assertEquals("old txt", Files.readString(dir.resolve("report.txt")));
    assertEquals(
        List.of(".report.csv.new", ".report.txt.new", "report.csv", "report.txt"), names());
  }
}
