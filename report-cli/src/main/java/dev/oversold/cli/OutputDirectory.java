package dev.oversold.cli;

import dev.oversold.scenarios.Printable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks the output folder before anything is simulated, so that a folder that cannot take the
 * reports (a file, a device, a read-only place, an empty {@code --out}) is bad input, found in
 * milliseconds, not an internal error after minutes of simulation. Creates the folder if missing
 * and proves it writable by creating and deleting a probe file in it.
 */
final class OutputDirectory {
  private OutputDirectory() {}

  /** Checks that {@code dir} can receive {@code fileNames}; throws with the reason if not. */
  static void check(Path dir, Collection<String> fileNames) throws BadInputException {
    String shown = Printable.excerpt(dir.toString());
    if (dir.toString().isBlank()) {
      throw new BadInputException("--out is empty (expected a folder such as --out reports)");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new BadInputException(
          "--out " + shown + " is " + kind(dir) + ", not a folder (expected a folder)");
    }
    for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
      if (Files.exists(up)) {
        if (!Files.isDirectory(up)) {
          throw new BadInputException(
              "--out "
                  + shown
                  + ": "
                  + Printable.excerpt(up.toString())
                  + " is "
                  + kind(up)
                  + ", not a folder (expected a folder)");
        }
        break;
      }
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".oversold-probe.", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new BadInputException(
          "--out "
              + shown
              + ": cannot write there: "
              + reason(e)
              + " (expected a writable folder)");
    }
    for (String name : fileNames) {
      Path target = dir.resolve(name);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new BadInputException(
            "--out "
                + shown
                + ": "
                + name
                + " exists and is "
                + kind(target)
                + "; it would not be replaced (expected a regular file or nothing there)");
      }
    }
  }

  private static String kind(Path path) {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return "a folder";
    }
    if (Files.isSymbolicLink(path)) {
      return "a symbolic link";
    }
    return Files.isRegularFile(path) ? "a file" : "a device or special file";
  }

  /** What went wrong, in words rather than the exception's bare path. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way of the folder";
    }
    if (e instanceof NoSuchFileException) {
      return "a folder on the way does not exist";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return Printable.escape(fs.getReason());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : Printable.escape(e.getMessage());
  }
}
