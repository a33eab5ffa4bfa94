package dev.oversold.runner;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * One row and column of the interference matrix: a single tenant, or a group of tenants that are
 * left out together.
 *
 * @param name the tenant's or the group's name
 * @param tenants the tenants it stands for, in scenario order
 */
public record Member(String name, List<String> tenants) {
  public Member {
    Objects.requireNonNull(name, "name");
    tenants = List.copyOf(tenants);
    checkArgument(!tenants.isEmpty(), "member %s has no tenants", name);
  }
}
