package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

final class AtomicOutputTest {
  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writeAll_failureHalfWay_leavesTheOldFilesAndNoTemporaries() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "old a");
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    files.put("a.txt", out -> out.write("new a"));
    files.put(
        "b.txt",
        out -> {
          out.write("half of b");
          throw new IOException("disk full");
        });
    assertThrows(IOException.class, () -> AtomicOutput.writeAll(dir, files));
    assertEquals(List.of("a.txt"), files());
    assertEquals("old a", Files.readString(dir.resolve("a.txt")));
  }

  @Test
  void writeAll_interrupted_writesNothing() throws Exception {
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    files.put("a.txt", out -> out.write("a"));
    files.put("b.txt", out -> out.write("b"));
    Thread.currentThread().interrupt();
    try {
      assertThrows(Exception.class, () -> AtomicOutput.writeAll(dir, files));
    } finally {
      Thread.interrupted();
    }
    assertEquals(List.of(), files());
  }

  @Test
  void writeAll_success_replacesEveryFile() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "old a");
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    files.put("a.txt", out -> out.write("new a"));
    files.put("b.txt", out -> out.write("new b"));
    AtomicOutput.writeAll(dir, files);
    assertEquals(List.of("a.txt", "b.txt"), files());
    assertEquals("new a", Files.readString(dir.resolve("a.txt")));
  }
}
