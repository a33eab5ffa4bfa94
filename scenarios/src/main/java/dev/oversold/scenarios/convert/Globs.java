package dev.oversold.scenarios.convert;

import java.util.regex.Pattern;

/** Tenant-name globs of report groups: {@code *} any run of characters, {@code ?} one. */
public final class Globs {
  private Globs() {}

  public static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(Character.toString(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
