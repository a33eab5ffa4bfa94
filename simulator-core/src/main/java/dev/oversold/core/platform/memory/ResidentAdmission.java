package dev.oversold.core.platform.memory;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Admission on a host that oversells memory: tenants' RAM is backed when touched and may exceed the
 * host's, but what is resident from the first instant (the host's reserve and each tenant's fixed
 * overhead) must fit in RAM with room for at least one tenant page per tenant, or nothing can run.
 */
public final class ResidentAdmission {
  private ResidentAdmission() {}

  /**
   * The refusal when reserve plus fixed overheads leave no RAM for tenants; empty otherwise. {@code
   * options} names the host options that set them, for the remedy.
   */
  public static Optional<Refusal> refusal(
      HostSpec host,
      String platform,
      long reservedBytes,
      List<TenantSpec> tenants,
      ToLongFunction<TenantSpec> fixedOverheadBytes,
      String options) {
    long ram = host.memory().ramBytes();
    long overhead = 0;
    for (TenantSpec tenant : tenants) {
      overhead += fixedOverheadBytes.applyAsLong(tenant);
    }
    if (reservedBytes + overhead < ram) {
      return Optional.empty();
    }
    return Optional.of(
        Refusal.ofHost(
            Refusal.Resource.MEMORY,
            String.format(
                Locale.ROOT,
                "host %s (%s): %.1f MiB of RAM is resident before any tenant touches a page (host"
                    + " reserve %.1f MiB + overhead of %d tenants %.1f MiB), but the host has %.1f"
                    + " MiB; no tenant could run: give the host more RAM, lower %s, or place fewer"
                    + " tenants",
                host.name(),
                platform,
                (reservedBytes + overhead) / 1048576.0,
                reservedBytes / 1048576.0,
                tenants.size(),
                overhead / 1048576.0,
                ram / 1048576.0,
                options),
            String.format(
                Locale.ROOT,
                "a ram of more than %.1f MiB (host reserve + per-tenant overhead)",
                (reservedBytes + overhead) / 1048576.0)));
  }
}
