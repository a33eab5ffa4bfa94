package dev.oversold.runner;

import java.util.regex.Pattern;

/** Shell-style globs over tenant names: {@code *} any run of characters, {@code ?} one. */
public final class Glob {
  private final Pattern pattern;

  private Glob(Pattern pattern) {
    this.pattern = pattern;
  }

  public static Glob of(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(Pattern.compile(regex.toString()));
  }

  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }
}
