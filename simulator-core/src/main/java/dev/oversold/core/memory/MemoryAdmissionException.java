package dev.oversold.core.memory;

/**
 * A host cannot place its tenants' memory: a partitioned platform (Xen) without balloon targets, or
 * reservations (ESXi admission control) that do not fit. The message names the host, what was asked
 * and what is available.
 */
public final class MemoryAdmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String host;

  public MemoryAdmissionException(String host, String message) {
    super(message);
    this.host = host;
  }

  /** The host that refused. */
  public String host() {
    return host;
  }
}
