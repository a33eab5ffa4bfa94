package dev.oversold.planner;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * How the capacity search runs.
 *
 * @param limits what every victim must stay within; at least one
 * @param start the count tried first (e.g. the scenario's own count); at least 1
 * @param maxCount the largest count tried; reaching it ends the search with a warning
 * @param minReplications replications run at every count tried (2 gives a first interval)
 * @param maxReplications replications at most; an interval that still contains the limit then is
 *     decided by the mean, with a warning
 */
public record SearchSettings(
    List<Limit> limits, int start, int maxCount, int minReplications, int maxReplications) {
  public SearchSettings {
    limits = List.copyOf(limits);
    checkArgument(!limits.isEmpty(), "no limits");
    checkArgument(maxCount >= 1, "maxCount must be >= 1, got %s", maxCount);
    checkArgument(
        start >= 1 && start <= maxCount, "start must be in 1..%s, got %s", maxCount, start);
    checkArgument(minReplications >= 1, "minReplications must be >= 1");
    checkArgument(
        maxReplications >= minReplications,
        "maxReplications %s below minReplications %s",
        maxReplications,
        minReplications);
  }
}
