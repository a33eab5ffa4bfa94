package dev.oversold.scenarios.bind;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate, if close enough to be a likely typo. */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String normalized = normalize(wrong);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (normalize(candidate).equals(normalized)
          || (normalized.length() >= 3 && normalize(candidate).startsWith(normalized))) {
        return Optional.of(candidate);
      }
      int distance = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    int allowed = Math.max(2, wrong.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** " (did you mean 'x'?)" or nothing. */
  public static String hint(String wrong, Collection<String> candidates) {
    return closest(wrong, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** "a, b or c" for messages. */
  public static String list(Collection<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    if (names.size() > 30) {
      return String.join(", ", names.stream().limit(30).toList()) + "...";
    }
    return String.join(", ", names);
  }

  private static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
  }

  /** Levenshtein distance, capped in length so a hostile key stays cheap. */
  static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE / 2;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
