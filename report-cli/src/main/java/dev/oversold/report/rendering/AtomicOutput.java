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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
   * them replace what was there. The files are rendered concurrently, one thread per processor (the
   * HTML and the text table of a 1,000-tenant report take most of a run's rendering; each content
   * writes only its own file, so the bytes are those of one thread writing them in turn).
   */
  public static List<Path> writeAll(Path dir, Map<String, Content> files)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      List<Callable<Void>> writes = new ArrayList<>();
      for (Map.Entry<String, Content> file : files.entrySet()) {
        Path temp = Files.createTempFile(dir, "." + file.getKey() + ".", ".tmp");
        PENDING.add(temp);
        staged.put(temp, dir.resolve(file.getKey()));
        Content content = file.getValue();
        writes.add(
            () -> {
              try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
              }
              readableByAll(temp);
              return null;
            });
      }
      runAll(writes);
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while writing into " + dir);
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

  /**
   * Runs every write, on up to one thread per processor, and returns when all have finished; the
   * first failure (in the order given) is thrown once every write has stopped, so no thread still
   * writes a temporary file when the caller deletes it.
   */
  private static void runAll(List<Callable<Void>> writes) throws IOException, InterruptedException {
    int threads = Math.min(writes.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      for (Callable<Void> write : writes) {
        call(write);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "oversold-report-writer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Void>> pending = new ArrayList<>();
      for (Callable<Void> write : writes) {
        pending.add(pool.submit(write));
      }
      for (Future<Void> write : pending) {
        try {
          write.get();
        } catch (ExecutionException e) {
          rethrow(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      boolean interrupted = false;
      while (true) {
        try {
          if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void call(Callable<Void> write) throws IOException {
    try {
      write.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static void rethrow(Throwable cause) throws IOException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IOException(cause);
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
