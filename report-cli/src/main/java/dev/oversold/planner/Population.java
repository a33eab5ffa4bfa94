package dev.oversold.planner;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import java.util.List;

/**
 * What a plan counts: one tenant definition ({@link TenantFamily}) or a mix of them by shares
 * ({@link TenantMix}). The count the search moves is the number of tenants it places.
 */
public interface Population {
  /** Its name in plan.json's {@code tenant} and in the table's title. */
  String name();

  /** The definition whose host the binding resource is read on and whose SLO is the default. */
  TenantSpec template();

  /** How many of its tenants the file has (where the search starts). */
  int fileCount();

  /** {@code scenario} with {@code count} tenants of it; every other tenant as in the file. */
  Scenario withCount(Scenario scenario, int count);

  /** Members in the file whose definition differs from their template's (planned as copies). */
  List<String> differing(Scenario scenario);
}
