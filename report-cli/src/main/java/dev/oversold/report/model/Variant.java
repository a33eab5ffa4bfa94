package dev.oversold.report.model;

import dev.oversold.report.calculation.Stats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a comparison or one point of a sweep: its labels and the headline figures of its
 * report.
 *
 * @param labels the platform, or the {@code KEY=VALUE} settings of the point
 * @param report the full report of that variant
 */
public record Variant(List<String> labels, Report report) {
  public Variant {
    labels = List.copyOf(labels);
    Objects.requireNonNull(report, "report");
  }

  /** Tenants per host. */
  public double density() {
    return report.hosts().isEmpty()
        ? Double.NaN
        : (double) report.tenants().size() / report.hosts().size();
  }

  /** vCPUs sold per physical core, mean over hosts. */
  public double vcpusPerCore() {
    return Stats.mean(report.hosts().stream().mapToDouble(HostReport::oversellCpu).toArray());
  }

  /** RAM sold over RAM present, mean over hosts. */
  public double ramSold() {
    return Stats.mean(report.hosts().stream().mapToDouble(HostReport::oversellMemory).toArray());
  }

  /** The victims' summed good rate alone: what the platform delivers with no neighbours. */
  public double victimsAloneGoodPerS() {
    return victims().stream()
        .mapToDouble(t -> t.baseline() == null ? Double.NaN : t.baseline().goodPerS())
        .sum();
  }

  /** Mean p99 shared over p99 alone, over victims with request latencies. */
  public double p99Inflation() {
    return Stats.mean(
        victims().stream()
            .filter(t -> t.degradation() != null)
            .mapToDouble(t -> t.degradation().p99Ratio())
            .filter(Double::isFinite)
            .toArray());
  }

  /** Mean steal fraction over victims. */
  public double victimSteal() {
    return Stats.mean(victims().stream().mapToDouble(t -> t.metrics().stealFraction()).toArray());
  }

  public double failed() {
    return report.tenants().stream().mapToDouble(t -> t.metrics().failed()).sum();
  }

  public double refusals() {
    return report.tenants().stream().mapToDouble(t -> t.metrics().refusals()).sum();
  }

  /**
   * OOM kills over the guests: guest-mates ({@code shares-guest}) each report their guest's kills,
   * so each guest counts once (its first tenant's figure).
   */
  public double oomKills() {
    Map<String, Double> byGuest = new LinkedHashMap<>();
    for (TenantReport t : report.tenants()) {
      byGuest.putIfAbsent(t.host() + "/" + t.guest(), t.metrics().oomKills());
    }
    return byGuest.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private List<TenantReport> victims() {
    return report.tenants().stream().filter(TenantReport::victim).toList();
  }
}
