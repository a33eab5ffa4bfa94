package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.baremetal.BareMetalPlatform;
import dev.oversold.core.platform.kvm.KvmPlatform;
import dev.oversold.core.platform.openvz.OpenVzPlatform;
import dev.oversold.core.platform.vmware.VmwarePlatform;
import dev.oversold.core.platform.xen.XenPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The registry of platforms: one line per platform. Everything that lists platforms (the loader's
 * knob checks, the schema, {@code compare}'s choices) takes them from here, in this order.
 */
public final class Platforms {
  private static final Map<PlatformKind, Supplier<Platform>> REGISTRY = new LinkedHashMap<>();

  static {
    register(OpenVzPlatform::new);
    register(KvmPlatform::new);
    register(XenPlatform::new);
    register(VmwarePlatform::new);
    register(BareMetalPlatform::new);
  }

  private Platforms() {}

  private static void register(Supplier<Platform> factory) {
    PlatformKind kind = factory.get().kind();
    if (REGISTRY.putIfAbsent(kind, factory) != null) {
      throw new IllegalStateException("platform " + kind + " is registered twice");
    }
  }

  public static Platform of(PlatformKind kind) {
    Supplier<Platform> factory = REGISTRY.get(kind);
    if (factory == null) {
      throw new IllegalArgumentException("no platform registered for " + kind);
    }
    return factory.get();
  }

  /** The registered platforms, in registration order. */
  public static List<PlatformKind> kinds() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** The platform whose scenario-file name is {@code id}, if one is registered. */
  public static Optional<PlatformKind> byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return REGISTRY.keySet().stream().filter(kind -> kind.id().equals(wanted)).findFirst();
  }

  /** The registered platforms a comparison runs when none are named. */
  public static List<PlatformKind> comparedByDefault() {
    List<PlatformKind> kinds = new ArrayList<>();
    for (Map.Entry<PlatformKind, Supplier<Platform>> entry : REGISTRY.entrySet()) {
      if (entry.getValue().get().comparedByDefault()) {
        kinds.add(entry.getKey());
      }
    }
    return List.copyOf(kinds);
  }

  /** The host options of {@code kind} with their defaults: what a host gets when it sets none. */
  public static KnobValues defaultOptions(PlatformKind kind) {
    Map<String, Double> values = new TreeMap<>();
    for (Knob knob : of(kind).hostOptions()) {
      if (knob.hasDefault()) {
        values.put(knob.key(), knob.defaultValue());
      }
    }
    return new KnobValues(values);
  }

  /**
   * {@code host} running {@code kind}: the one place that decides which options a host runs a
   * platform with, for every command that switches platforms ({@code compare}, {@code plan}). A
   * host already on {@code kind} keeps its options; otherwise the host's options for {@code kind}
   * ({@code platform-options}) if it has them, else the platform's defaults and default I/O
   * scheduler.
   */
  public static HostSpec onPlatform(HostSpec host, PlatformKind kind) {
    if (host.platform() == kind) {
      return host;
    }
    HostSpec.PlatformOptions given = host.platformOptions().get(kind);
    return host.withPlatform(
        kind, given != null ? given : new HostSpec.PlatformOptions(defaultOptions(kind), null));
  }
}
