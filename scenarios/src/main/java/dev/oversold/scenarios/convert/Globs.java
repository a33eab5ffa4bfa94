package dev.oversold.scenarios.convert;

import dev.oversold.core.model.NameGlob;

/** Tenant-name globs of report groups: {@code *} any run of characters, {@code ?} one. */
public final class Globs {
  private Globs() {}

  /** The matcher of {@code glob}, which must be at most {@link NameGlob#MAX_LENGTH} long. */
  public static NameGlob compile(String glob) {
    return NameGlob.of(glob);
  }
}
