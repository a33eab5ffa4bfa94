package dev.oversold.report.calculation;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.platform.Platform;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.convert.Knobs;
import dev.oversold.scenarios.schema.KnobSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host options a host ran with, as a scenario file writes them: what the reports show so that a
 * comparison says which options each platform ran with ({@code options} or the host's {@code
 * platform-options} for that platform, else the platform's defaults).
 */
public final class HostOptions {
  private HostOptions() {}

  /**
   * Every option of the host's platform that has a value, in the platform's declaration order, then
   * {@code io-scheduler} (the one set, or the platform's default for the device).
   */
  public static Map<String, String> all(HostSpec host) {
    Platform platform = Platforms.of(host.platform());
    Map<String, String> shown = new LinkedHashMap<>();
    for (Knob knob : platform.hostOptions()) {
      if (host.options().has(knob.key())) {
        shown.put(knob.key(), Knobs.format(knob, host.options().get(knob)));
      }
    }
    var scheduler =
        host.disk().scheduler() != null
            ? host.disk().scheduler()
            : platform.io().defaultIoScheduler(host.disk().kind());
    shown.put(KnobSchema.IO_SCHEDULER, scheduler.id());
    return shown;
  }

  /** The options of {@link #all} whose value is not the platform's default. */
  public static Map<String, String> changed(HostSpec host) {
    Map<String, String> defaults =
        all(host.withPlatform(host.platform(), Platforms.defaultOptions(host.platform())));
    Map<String, String> changed = new LinkedHashMap<>();
    all(host)
        .forEach(
            (key, value) -> {
              if (!value.equals(defaults.get(key))) {
                changed.put(key, value);
              }
            });
    return changed;
  }
}
