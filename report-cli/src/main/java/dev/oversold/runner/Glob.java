package dev.oversold.runner;

import dev.oversold.core.model.NameGlob;

/** Shell-style globs over tenant names: {@code *} any run of characters, {@code ?} one. */
public final class Glob {
  private final NameGlob glob;

  private Glob(NameGlob glob) {
    this.glob = glob;
  }

  public static Glob of(String glob) {
    return new Glob(NameGlob.of(glob));
  }

  public boolean matches(String name) {
    return glob.matches(name);
  }
}
