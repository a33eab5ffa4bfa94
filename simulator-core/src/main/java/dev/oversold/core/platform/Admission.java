package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether each host's platform will start the tenants a scenario places on it. The scenario loader
 * and {@code Simulator.checkAdmission} both ask this, so a file the loader accepts is one the
 * simulator admits.
 */
public final class Admission {
  private Admission() {}

  /** The refusals of {@code host}'s platform for {@code tenants}; empty when it admits them. */
  public static List<Refusal> refusals(HostSpec host, List<TenantSpec> tenants) {
    // The platform admits guests: a plan shared by several tenants is placed once.
    return Platforms.of(host.platform()).admit(host, TenantSpec.onePerGuest(tenants));
  }

  /**
   * Checks every host of {@code scenario}.
   *
   * @throws AdmissionException for the first host whose platform refuses its tenants
   */
  public static void check(Scenario scenario) {
    for (HostSpec host : scenario.hosts()) {
      List<Refusal> refused = refusals(host, placedOn(scenario, host));
      if (!refused.isEmpty()) {
        throw new AdmissionException(host.name(), refused);
      }
    }
  }

  /** The tenants {@code scenario} places on {@code host}, in scenario order. */
  public static List<TenantSpec> placedOn(Scenario scenario, HostSpec host) {
    List<TenantSpec> placed = new ArrayList<>();
    for (TenantSpec tenant : scenario.tenants()) {
      if (tenant.host().equals(host.name())) {
        placed.add(tenant);
      }
    }
    return List.copyOf(placed);
  }
}
