package dev.oversold.core.platform;

import java.util.List;

/**
 * A host's platform refuses to start its tenants ({@link Platform#admit}); the message is the first
 * reason, and {@link #refusals} holds them all.
 */
public final class AdmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final transient List<Refusal> refusals;

  public AdmissionException(String host, List<Refusal> refusals) {
    super(refusals.isEmpty() ? "host " + host + " refused" : refusals.get(0).reason());
    this.host = host;
    this.refusals = List.copyOf(refusals);
  }

  /** The host that refused. */
  public String host() {
    return host;
  }

  public List<Refusal> refusals() {
    return refusals;
  }
}
