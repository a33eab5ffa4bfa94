package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.scenarios.dto.ScenarioDto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@code report.windows}: each a distinct name fit for a JSON key and an HTML heading, and a
 * stretch {@code [from, to)} that starts before it ends and ends by the run's end. Problems are
 * reported at the offending key's FILE:LINE:COL.
 */
final class ReportWindows {
  /** Window names become JSON keys and CSV column prefixes: keep them plain. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** More windows than this is a time series: use the series instead. */
  static final int MAX_WINDOWS = 20;

  private ReportWindows() {}

  /** The windows that passed, in the order given; problems go to {@code context}. */
  static List<MeasurementWindow> check(
      List<ScenarioDto.WindowDto> declared, long durationNanos, Context context) {
    List<MeasurementWindow> windows = new ArrayList<>();
    if (declared.size() > MAX_WINDOWS) {
      context.error(
          "report.windows",
          declared.size() + " windows, more than the " + MAX_WINDOWS + " a report may have",
          "at most " + MAX_WINDOWS + " windows");
      return windows;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      ScenarioDto.WindowDto dto = declared.get(i);
      String path = "report.windows[" + i + "]";
      if (dto == null || dto.name() == null || dto.from() == null || dto.to() == null) {
        continue;
      }
      boolean ok = true;
      if (!NAME.matcher(dto.name()).matches()) {
        context.error(
            path + ".name",
            "window name '" + dto.name() + "' is not valid",
            "lower-case letters, digits and dashes ([a-z0-9-]+), e.g. backup");
        ok = false;
      } else if (!names.add(dto.name())) {
        context.error(
            path + ".name",
            "a second window named '" + dto.name() + "'",
            "a name no other window has");
        ok = false;
      }
      long from = dto.from().nanos();
      long to = dto.to().nanos();
      if (from < 0) {
        context.error(path + ".from", "the window starts before the run", "0s or later");
        ok = false;
      }
      if (to <= from) {
        context.error(
            path + ".to",
            "the window ends at "
                + SimDuration.ofNanos(to)
                + ", not after its start ("
                + SimDuration.ofNanos(from)
                + ")",
            "an end after from");
        ok = false;
      } else if (durationNanos > 0 && to > durationNanos) {
        context.error(
            path + ".to",
            "the window ends at "
                + SimDuration.ofNanos(to)
                + ", after the run ("
                + SimDuration.ofNanos(durationNanos)
                + ")",
            "at most the duration");
        ok = false;
      }
      if (ok) {
        windows.add(
            new MeasurementWindow(dto.name(), SimDuration.ofNanos(from), SimDuration.ofNanos(to)));
      }
    }
    return windows;
  }
}
