package dev.oversold.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The virtualization platforms a host can run; {@link #id()} is the name used in scenario files.
 */
public enum PlatformKind {
  OPENVZ("openvz"),
  KVM("kvm"),
  XEN("xen"),
  VMWARE("vmware"),
  BARE_METAL("bare-metal");

  private final String id;

  PlatformKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<PlatformKind> fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(kind -> kind.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
