package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The name of a platform, as scenario files write it ({@code platform: xen}). Which names exist is
 * the platform registry's business ({@code core.platform.Platforms}, where each platform's
 * descriptor declares its own), so a new platform needs no change here. Instances are interned: one
 * per id, so {@code ==} and {@code equals} agree.
 */
public final class PlatformKind {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final ConcurrentMap<String, PlatformKind> INTERNED = new ConcurrentHashMap<>();

  /*
   * The bundled platforms' names, for code that builds scenarios by hand (tests, benchmarks).
   * Main code outside core.platform never compares with them: it asks the platform's descriptor.
   */
  public static final PlatformKind OPENVZ = of("openvz");
  public static final PlatformKind KVM = of("kvm");
  public static final PlatformKind XEN = of("xen");
  public static final PlatformKind VMWARE = of("vmware");
  public static final PlatformKind BARE_METAL = of("bare-metal");

  private final String id;

  private PlatformKind(String id) {
    this.id = id;
  }

  /**
   * The platform named {@code id}: lower-case words joined by hyphens ({@code bare-metal}). Whether
   * a platform of that name is registered is {@code Platforms.byId}'s question.
   */
  public static PlatformKind of(String id) {
    checkArgument(id != null && ID.matcher(id).matches(), "bad platform id '%s'", id);
    return INTERNED.computeIfAbsent(id, PlatformKind::new);
  }

  /** The name used in scenario files. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
