package dev.oversold.scenarios;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.IoSchedulerKind;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.bind.Shapes;
import dev.oversold.scenarios.convert.Knobs;
import dev.oversold.scenarios.convert.WorkloadBindings;
import dev.oversold.scenarios.units.Format;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Scenario} as a YAML scenario file that loads back equal: every value explicit
 * (defaults included), quantities in exact units, plans named and shared by the tenants that use
 * them. Each workload is written by its kind's binding ({@link WorkloadBindings}); a kind without
 * one is an error, never left out.
 */
public final class ScenarioWriter {
  private final StringBuilder out = new StringBuilder();

  private ScenarioWriter() {}

  /** The YAML text of {@code scenario}. */
  public static String write(Scenario scenario) {
    ScenarioWriter writer = new ScenarioWriter();
    writer.scenario(scenario);
    return writer.out.toString();
  }

  private void scenario(Scenario scenario) {
    line(0, "# Oversold scenario (written by ScenarioWriter; every value explicit)");
    line(0, "scenario: " + quote(scenario.name()));
    line(0, "description: " + quote(scenario.description()));
    line(0, "seed: " + scenario.seed());
    line(0, "duration: " + duration(scenario.duration()));
    line(0, "warmup: " + duration(scenario.warmup()));
    line(0, "sample-interval: " + duration(scenario.sampleInterval()));
    line(0, "hosts:");
    for (HostSpec host : scenario.hosts()) {
      host(host);
    }
    Map<String, PlanSpec> plans = new LinkedHashMap<>();
    Map<String, PlatformKind> planPlatform = new LinkedHashMap<>();
    for (TenantSpec tenant : scenario.tenants()) {
      PlanSpec previous = plans.putIfAbsent(tenant.plan().name(), tenant.plan());
      if (previous != null && !previous.equals(tenant.plan())) {
        throw new IllegalArgumentException("two different plans are named " + tenant.plan().name());
      }
      planPlatform.putIfAbsent(tenant.plan().name(), scenario.host(tenant.host()).platform());
    }
    if (!plans.isEmpty()) {
      line(0, "plans:");
      plans.forEach((name, plan) -> plan(plan, planPlatform.get(name)));
    }
    line(0, "tenants:");
    for (TenantSpec tenant : scenario.tenants()) {
      line(1, "- name: " + quote(tenant.name()));
      if (tenant.sharesGuest()
          && scenario.tenants().stream().anyMatch(t -> t.name().equals(tenant.guest()))) {
        line(2, "shares-guest: " + quote(tenant.guest()));
      } else {
        line(2, "host: " + quote(tenant.host()));
        line(2, "plan: " + quote(tenant.plan().name()));
        if (tenant.sharesGuest()) {
          // its guest's owner is left out (a baseline or leave-one-out scenario): the guest
          // keeps its name, so its random streams and its other tenants stay as they were
          line(2, "guest: " + quote(tenant.guest()));
        }
      }
      line(2, "workload: " + workload(tenant.workload()));
    }
    line(0, "report:");
    line(1, "baseline: " + Shapes.enumId(scenario.report().baseline()));
    line(1, "interference: " + Shapes.enumId(scenario.report().interference()));
    StringJoiner groups = new StringJoiner(", ", "{", "}");
    scenario
        .report()
        .groups()
        .forEach((name, glob) -> groups.add(quote(name) + ": " + quote(glob)));
    line(1, "groups: " + groups);
    if (!scenario.report().windows().isEmpty()) {
      line(1, "windows:");
      for (var window : scenario.report().windows()) {
        line(
            2,
            "- {name: "
                + quote(window.name())
                + ", from: "
                + duration(window.from())
                + ", to: "
                + duration(window.to())
                + "}");
      }
    }
  }

  private void host(HostSpec host) {
    line(1, "- name: " + quote(host.name()));
    line(2, "platform: " + host.platform().id());
    line(
        2,
        "cpu: {cores: "
            + host.cpu().cores()
            + ", speed: "
            + Format.plain(host.cpu().speed())
            + "}");
    line(
        2,
        "memory: {ram: "
            + Format.bytes(host.memory().ramBytes())
            + ", swap: "
            + Format.bytes(host.memory().swapBytes())
            + "}");
    String depth =
        host.disk().queueDepth() == 0 ? "" : ", queue-depth: " + host.disk().queueDepth();
    if (host.disk().kind() == DiskKind.DERIVED) {
      line(
          2,
          "disk: {iops: "
              + Format.plain(host.disk().iops())
              + ", bandwidth: "
              + Format.byteRate(host.disk().bandwidthBytesPerSecond())
              + ", latency: "
              + duration(host.disk().latency())
              + depth
              + "}");
    } else {
      line(2, "disk: {profile: " + host.disk().kind().id() + depth + "}");
    }
    line(
        2,
        "network: {bandwidth: "
            + Format.byteRate(host.network().bandwidthBytesPerSecond())
            + ", latency: "
            + duration(host.network().latency())
            + "}");
    line(2, "options: " + options(host.platform(), host.options(), host.disk().scheduler()));
    if (!host.platformOptions().isEmpty()) {
      line(2, "platform-options:");
      host.platformOptions()
          .forEach(
              (kind, given) ->
                  line(3, kind.id() + ": " + options(kind, given.options(), given.scheduler())));
    }
  }

  /** One platform's host options as a flow mapping, its I/O scheduler last when one is set. */
  private static String options(
      PlatformKind platform, KnobValues values, @Nullable IoSchedulerKind scheduler) {
    String options = knobs(values, Platforms.of(platform).hostOptions());
    if (scheduler == null) {
      return options;
    }
    String named = "io-scheduler: " + scheduler.id();
    return options.equals("{}")
        ? "{" + named + "}"
        : options.substring(0, options.length() - 1) + ", " + named + "}";
  }

  private void plan(PlanSpec plan, PlatformKind platform) {
    line(1, quote(plan.name()) + ":");
    line(2, "vcpus: " + plan.vcpus());
    StringJoiner cpu = new StringJoiner(", ", "{", "}");
    cpu.add("weight: " + Format.plain(plan.cpu().weight()));
    if (plan.cpu().limited()) {
      cpu.add("limit: " + Format.percent(plan.cpu().limitCores()));
    }
    cpu.add("reservation: " + Format.percent(plan.cpu().reservationCores()));
    line(2, "cpu: " + cpu);
    line(
        2,
        "memory: {ram: "
            + Format.bytes(plan.memory().ramBytes())
            + ", swap: "
            + Format.bytes(plan.memory().swapBytes())
            + "}");
    StringJoiner disk = new StringJoiner(", ", "{", "}");
    disk.add("size: " + Format.bytes(plan.disk().sizeBytes()));
    if (Double.isFinite(plan.disk().iopsLimit())) {
      disk.add("iops-limit: " + Format.plain(plan.disk().iopsLimit()));
    }
    if (Double.isFinite(plan.disk().bandwidthLimitBytesPerSecond())) {
      disk.add("bandwidth-limit: " + Format.byteRate(plan.disk().bandwidthLimitBytesPerSecond()));
    }
    disk.add("weight: " + Format.plain(plan.disk().weight()));
    line(2, "disk: " + disk);
    if (Double.isFinite(plan.network().bandwidthLimitBytesPerSecond())) {
      line(
          2,
          "network: {bandwidth-limit: "
              + Format.byteRate(plan.network().bandwidthLimitBytesPerSecond())
              + "}");
    }
    line(2, "processes: {limit: " + plan.processLimit() + "}");
    line(2, "native: " + knobs(plan.nativeKnobs(), Platforms.of(platform).nativeKnobs()));
  }

  private static String knobs(KnobValues values, List<Knob> declared) {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    values
        .values()
        .forEach(
            (key, value) -> {
              Knob knob =
                  declared.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
              String text = knob == null ? Format.plain(value) : Knobs.format(knob, value);
              joiner.add(quote(key) + ": " + quote(text));
            });
    return joiner.toString();
  }

  private static String workload(WorkloadSpec workload) {
    return "{" + String.join(", ", WorkloadBindings.write(workload)) + "}";
  }

  private static String duration(SimDuration duration) {
    return Format.duration(duration.nanos());
  }

  /** A YAML double-quoted scalar (JSON escaping, which YAML accepts). */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfeff) {
            quoted.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
