package dev.oversold.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a set of complete files in place of their targets all or nothing. The old version of every
 * target is kept beside it (a hard link, or a copy where links are not supported) until every new
 * file is in place; if any rename fails, the targets already replaced get their old version back
 * and those that did not exist are removed, so the folder holds the whole old set or the whole new
 * one, never a mix. Each target stays readable throughout: renames replace it atomically.
 */
public final class SetSwap {
  private SetSwap() {}

  /** Moves each staged file (key) onto its target (value), all or none. */
  public static void replace(Map<Path, Path> stagedToTarget) throws IOException {
    List<Path[]> backups = new ArrayList<>(); // {target, backup}
    List<Path> placed = new ArrayList<>();
    try {
      for (Path target : stagedToTarget.values()) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          backups.add(new Path[] {target, keepOld(target)});
        }
      }
      for (Map.Entry<Path, Path> move : stagedToTarget.entrySet()) {
        rename(move.getKey(), move.getValue());
        placed.add(move.getValue());
      }
    } catch (IOException | RuntimeException e) {
      rollBack(placed, backups, e);
      throw e;
    }
    for (Path[] backup : backups) {
      Files.deleteIfExists(backup[1]);
    }
  }

  private static Path keepOld(Path target) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(target + " is not a regular file; it is not replaced");
    }
    Path backup =
        Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".old");
    Files.delete(backup); // only the unique name is wanted
    try {
      Files.createLink(backup, target);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
    }
    return backup;
  }

  private static void rollBack(List<Path> placed, List<Path[]> backups, Exception cause) {
    for (Path target : placed) {
      Path backup = backupOf(target, backups);
      try {
        if (backup == null) {
          Files.deleteIfExists(target); // it did not exist before this set
        }
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
    for (Path[] backup : backups) {
      try {
        if (placed.contains(backup[0])) {
          rename(backup[1], backup[0]);
        } else {
          // Untouched: the backup is a second link to the same file, and rename(2) between two
          // links of one file does nothing, so it is deleted instead.
          Files.deleteIfExists(backup[1]);
        }
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private static Path backupOf(Path target, List<Path[]> backups) {
    for (Path[] backup : backups) {
      if (backup[0].equals(target)) {
        return backup[1];
      }
    }
    return null;
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // same folder, so only exotic file systems get here; a plain rename is the best left
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
