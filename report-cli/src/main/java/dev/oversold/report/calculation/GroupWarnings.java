package dev.oversold.report.calculation;

import dev.oversold.report.model.GroupReport;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings for the null figures of group rows ({@code groups[]} in report.json): a group of noisy
 * neighbours has no good rate to lose, so its harm is the progress it lost; a group whose headline
 * is undefined says why.
 */
final class GroupWarnings {
  private GroupWarnings() {}

  static List<Warning> of(Report report) {
    List<Warning> warnings = new ArrayList<>();
    if (!report.baselines()) {
      return warnings;
    }
    for (GroupReport g : report.groups()) {
      List<String> nulls = new ArrayList<>();
      boolean suspects = Double.isNaN(g.goodPerS());
      if (suspects) {
        nulls.add("good_per_s");
        nulls.add("baseline_good_per_s");
      }
      if (Double.isNaN(g.degradationGoodRate())) {
        nulls.add("degradation_good_rate");
      }
      if (Double.isNaN(g.degradationHeadline())) {
        nulls.add("degradation_headline");
      }
      if (nulls.isEmpty()) {
        continue;
      }
      String why =
          suspects
              ? "its members are noisy neighbours without an SLO (good_per_s is null), so there is"
                  + " no good rate to lose; its harm is degradation_headline, the progress_per_s it"
                  + " lost"
              : "its members completed nothing alone (baseline_good_per_s 0)";
      if (nulls.contains("degradation_headline")) {
        why += suspects ? ", undefined here because it made no progress alone" : "";
      }
      warnings.add(
          new Warning(
              "group-figure",
              "group "
                  + g.name()
                  + ": "
                  + String.join(", ", nulls)
                  + (nulls.size() == 1 ? " is" : " are")
                  + " null because "
                  + why,
              null,
              null));
    }
    return warnings;
  }
}
