package dev.oversold.planner;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.sweep.MixShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mix of tenant definitions by shares ({@code plan --mix idle=70%,web=25%,noisy=5%}): the count a
 * plan moves is the mix's total, and each definition's count is its share of it rounded by {@link
 * MixShares} (Sainte-Laguë), so a larger total is always the smaller mix plus tenants. Each
 * definition's copies are named as its range would name them ({@link TenantFamily}), so they keep
 * their random streams at every total.
 *
 * @param families the definitions, in the order given
 * @param shares their shares (percentages or weights; only ratios matter)
 */
public record TenantMix(List<TenantFamily> families, List<Double> shares) implements Population {
  public TenantMix {
    families = List.copyOf(families);
    shares = List.copyOf(shares);
    if (families.isEmpty() || families.size() != shares.size()) {
      throw new IllegalArgumentException("one share per definition, at least one");
    }
  }

  /** Each definition's count at {@code total}, in the order given. */
  public List<Integer> counts(int total) {
    return MixShares.apportion(shares.stream().mapToDouble(Double::doubleValue).toArray(), total);
  }

  /** {@code idle 70%, web 25%, noisy 5%}: shares as percentages of their sum. */
  @Override
  public String name() {
    double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < families.size(); i++) {
      parts.add(
          families.get(i).prefix()
              + " "
              + String.format(Locale.ROOT, "%.4g", 100 * shares.get(i) / sum)
                  .replaceAll("\\.?0+$", "")
              + "%");
    }
    return String.join(", ", parts);
  }

  /** The first service of the mix (its SLO is the default p99 limit), else the first definition. */
  @Override
  public TenantSpec template() {
    return families.stream()
        .map(TenantFamily::template)
        .filter(t -> t.workload() instanceof WorkloadSpec.Service)
        .findFirst()
        .orElse(families.get(0).template());
  }

  @Override
  public int fileCount() {
    return families.stream().mapToInt(TenantFamily::fileCount).sum();
  }

  @Override
  public Scenario withCount(Scenario scenario, int count) {
    List<Integer> counts = counts(count);
    Scenario result = scenario;
    for (int i = 0; i < families.size(); i++) {
      result = families.get(i).withCount(result, counts.get(i));
    }
    return result;
  }

  @Override
  public List<String> differing(Scenario scenario) {
    List<String> all = new ArrayList<>();
    families.forEach(f -> all.addAll(f.differing(scenario)));
    return all;
  }
}
