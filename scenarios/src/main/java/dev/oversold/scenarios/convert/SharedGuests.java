package dev.oversold.scenarios.convert;

import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.scenarios.bind.Suggest;
import dev.oversold.scenarios.dto.TenantDto;
import dev.oversold.scenarios.dto.WorkloadDto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code shares-guest: OTHER}: a tenant that runs in another tenant's guest takes that
 * tenant's host and plan, and its guest's name. {@code OTHER} is a tenant name after template
 * expansion ({@code web-2} of {@code web-{1..3}}) and must have a guest of its own: a tenant
 * sharing a tenant that itself shares (a chain, or a cycle) is refused, naming the guest's owner to
 * write instead, so a guest is always named after the tenant whose plan it runs.
 */
final class SharedGuests {
  /** A definition with {@code shares-guest}, its index in the list and the names it expands to. */
  record Sharing(int index, String path, List<String> names, TenantDto dto) {}

  private final Context context;
  private final WorkloadConverter workloads;
  private final long durationNanos;

  SharedGuests(Context context, WorkloadConverter workloads, long durationNanos) {
    this.context = context;
    this.workloads = workloads;
    this.durationNanos = durationNanos;
  }

  /**
   * Adds the sharing tenants to {@code defined} (per definition index) with their guest's host and
   * plan; false after reporting a problem. {@code withPlan}: every name defined with a plan of its
   * own, including those whose definition failed (already reported): sharing such a guest is not
   * reported again.
   */
  boolean resolve(List<Sharing> sharing, List<List<TenantSpec>> defined, Set<String> withPlan) {
    Map<String, TenantSpec> owners = new LinkedHashMap<>();
    defined.forEach(list -> list.forEach(t -> owners.put(t.name(), t)));
    Map<String, String> sharers = new LinkedHashMap<>();
    for (Sharing s : sharing) {
      s.names().forEach(name -> sharers.put(name, s.dto().sharesGuest()));
    }
    boolean ok = true;
    for (Sharing s : sharing) {
      String other = s.dto().sharesGuest();
      String key = s.path() + ".shares-guest";
      TenantSpec owner = owners.get(other);
      if (owner == null && withPlan.contains(other)) {
        ok = false; // the owner's own definition failed, with its own error
        continue;
      }
      if (owner == null) {
        if (s.names().contains(other)) {
          context.error(
              key, "tenant '" + other + "' cannot share its own guest", ownerHint(owners));
        } else if (sharers.containsKey(other)) {
          String next = sharers.get(other);
          String message =
              "tenant '"
                  + other
                  + "' itself shares guest '"
                  + next
                  + "'"
                  + (owners.containsKey(next) ? "" : " (a cycle: no tenant in it has a plan)");
          context.error(
              key,
              message,
              owners.containsKey(next)
                  ? "shares-guest: " + next + " (the guest's owner)"
                  : ownerHint(owners));
        } else {
          context.error(
              key,
              "unknown tenant '" + other + "'" + Suggest.hint(other, owners.keySet()),
              ownerHint(owners));
        }
        ok = false;
        continue;
      }
      String host = s.dto().host();
      if (host != null && !host.equals(owner.host())) {
        context.error(
            s.path() + ".host",
            "tenant '" + other + "' runs on host '" + owner.host() + "', not '" + host + "'",
            "host: " + owner.host() + " (a shared guest is on its owner's host), or no host");
        ok = false;
        continue;
      }
      if (s.dto().workload() == null) {
        ok = false;
        continue;
      }
      WorkloadSpec workload =
          workloads.convert(s.dto().workload(), s.path() + ".workload", owner.plan().vcpus());
      if (workload == null) {
        ok = false;
        continue;
      }
      String jobsKey =
          s.dto().workload() instanceof WorkloadDto.Batch batch && batch.jobsFile() != null
              ? "jobs-file"
              : "jobs";
      RunLimits.checkTimes(workload, s.path() + ".workload", jobsKey, durationNanos, context);
      for (String name : s.names()) {
        defined
            .get(s.index())
            .add(new TenantSpec(name, owner.host(), owner.plan(), workload, owner.guest()));
      }
    }
    return ok;
  }

  private static String ownerHint(Map<String, TenantSpec> owners) {
    return owners.isEmpty()
        ? "the name of a tenant with a plan of its own"
        : "the name of a tenant with a plan of its own, one of: " + Suggest.list(owners.keySet());
  }
}
