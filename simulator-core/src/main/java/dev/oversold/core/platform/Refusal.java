package dev.oversold.core.platform;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * Why a platform will not start a host's tenants: the one answer both the scenario loader and the
 * simulator act on.
 *
 * @param resource what does not fit
 * @param tenant the tenant whose plan is at fault, when one is (a plan's vCPUs); empty when the
 *     tenants together do not fit
 * @param reason what was asked and what the host has, with the numbers
 * @param remedy what would fit, phrased as the expected value
 */
public record Refusal(Resource resource, Optional<String> tenant, String reason, String remedy) {
  public Refusal {
    checkArgument(resource != null && tenant != null, "resource and tenant must be given");
    checkArgument(reason != null && !reason.isBlank(), "reason must not be blank");
    checkArgument(remedy != null && !remedy.isBlank(), "remedy must not be blank");
  }

  /** A refusal of the host's tenants together. */
  public static Refusal ofHost(Resource resource, String reason, String remedy) {
    return new Refusal(resource, Optional.empty(), reason, remedy);
  }

  /** What a refusal is about. */
  public enum Resource {
    /** The host's RAM: partitioned guests, reservations. */
    MEMORY,
    /** The host's CPU capacity: reservations. */
    CPU,
    /** One tenant's plan against the host (more vCPUs than cores). */
    PLAN
  }
}
