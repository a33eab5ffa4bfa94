package dev.oversold.report.rendering;

import dev.oversold.output.SetSwap;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes output files so that none is ever seen half-written: each goes to a temporary file in the
 * same folder, and only when all are complete are they renamed into place (an atomic rename on the
 * same file system), all or nothing ({@link SetSwap}). A failure or an interrupt before or during
 * the renames deletes the temporary files and leaves the folder as it was. Temporary files still
 * open when the JVM shuts down (Ctrl-C) are deleted by {@link #deleteLeftovers()}, which the
 * command's shutdown hook calls.
 */
public final class AtomicOutput {
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  private AtomicOutput() {}

  /** What to write into one file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes every file (name to content) into {@code dir}, creating it if needed; all or none of
   * them replace what was there.
   */
  public static List<Path> writeAll(Path dir, Map<String, Content> files)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Content> file : files.entrySet()) {
        Path temp = Files.createTempFile(dir, "." + file.getKey() + ".", ".tmp");
        PENDING.add(temp);
        staged.put(temp, dir.resolve(file.getKey()));
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          file.getValue().writeTo(out);
        }
        readableByAll(temp);
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted while writing " + file.getKey());
        }
      }
      SetSwap.replace(staged); // all or nothing: a failed rename puts the old set back
      PENDING.removeAll(staged.keySet());
      return new ArrayList<>(staged.values());
    } finally {
      for (Path temp : staged.keySet()) {
        if (PENDING.remove(temp)) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  /** Temporary files are created owner-only; reports are ordinary files others may read. */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Deletes temporary files of writes that never finished (called on shutdown). */
  public static void deleteLeftovers() {
    for (Path temp : List.copyOf(PENDING)) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // best effort during shutdown: nothing useful can be reported any more
      }
      PENDING.remove(temp);
    }
  }
}
