package dev.oversold.core.platform;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The registry of platforms: one line per platform. */
public final class Platforms {
  private static final Map<PlatformKind, Supplier<Platform>> REGISTRY =
      new EnumMap<>(PlatformKind.class);

  static {
    REGISTRY.put(PlatformKind.OPENVZ, OpenVzPlatform::new);
    REGISTRY.put(PlatformKind.KVM, KvmPlatform::new);
    REGISTRY.put(PlatformKind.XEN, XenPlatform::new);
    REGISTRY.put(PlatformKind.VMWARE, VmwarePlatform::new);
    REGISTRY.put(PlatformKind.BARE_METAL, BareMetalPlatform::new);
  }

  private Platforms() {}

  public static Platform of(PlatformKind kind) {
    Supplier<Platform> factory = REGISTRY.get(kind);
    if (factory == null) {
      throw new IllegalArgumentException("no platform registered for " + kind);
    }
    return factory.get();
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
}
