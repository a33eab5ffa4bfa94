package dev.oversold.scenarios.convert;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.Admission;
import dev.oversold.core.platform.Refusal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a host can physically hold, checked once the model is built: each host's platform decides
 * ({@link Admission}, the rule the simulator applies too), and its refusals are reported at the
 * place in the file they concern.
 */
final class Feasibility {
  private Feasibility() {}

  static void check(
      List<HostSpec> hosts,
      List<TenantSpec> tenants,
      Map<String, String> definitions,
      Context context) {
    Set<String> reported = new HashSet<>();
    for (int h = 0; h < hosts.size(); h++) {
      HostSpec host = hosts.get(h);
      String path = "hosts[" + h + "]";
      List<TenantSpec> on = tenants.stream().filter(t -> t.host().equals(host.name())).toList();
      for (Refusal refusal : Admission.refusals(host, on)) {
        switch (refusal.resource()) {
          case MEMORY -> context.error(path + ".memory.ram", refusal.reason(), refusal.remedy());
          case CPU -> context.error(path + ".cpu", refusal.reason(), refusal.remedy());
          case PLAN -> {
            // Tenants made from one definition share its plan: report the plan once.
            String definition = definitions.get(refusal.tenant().orElseThrow());
            if (reported.add(definition)) {
              context.error(definition + ".plan", refusal.reason(), refusal.remedy());
            }
          }
        }
      }
    }
  }
}
