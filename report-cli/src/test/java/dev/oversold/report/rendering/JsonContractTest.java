package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.testing.HandBuilt;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * report.json holds every key of the user contract (section 3), spelled exactly, plus only the
 * documented additions.
 */
final class JsonContractTest {
  private static JsonNode json(ReportSettings settings) throws Exception {
    StringWriter out = new StringWriter();
    new JsonReportWriter().write(ReportBuilder.build(HandBuilt.experiment(settings)), out);
    return new ObjectMapper().readTree(out.toString());
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    keys.addAll(names);
    return keys;
  }

  private static Set<String> set(String... names) {
    return new TreeSet<>(List.of(names));
  }

  private static final Set<String> METRICS =
      set(
          "throughput_per_s",
          "good_per_s",
          "progress_per_s",
          "failed",
          "rejected",
          "latency_ms",
          "jobs",
          "cpu",
          "memory",
          "refusals",
          "oom_kills",
          // added: the unit of progress_per_s
          "progress_unit",
          // added: when the first refusal and OOM kill happened (issue 12: with their time)
          "first_refusal_s",
          "first_oom_kill_s");

  @Test
  void json_hasExactlyTheContractKeysPlusDocumentedAdditions() throws Exception {
    JsonNode root = json(ReportSettings.DEFAULT);
    assertEquals(
        set(
            "scenario",
            "seed",
            "duration_s",
            "warmup_s",
            "hosts",
            "tenants",
            "interference",
            "summary",
            "warnings",
            "replications"),
        keys(root));
    // the hand-built hog completes nothing alone or shared: one report-level warning naming the
    // suspects that complete nothing
    JsonNode warning = root.get("warnings").get(0);
    assertEquals(set("code", "message"), keys(warning));
    JsonNode host = root.get("hosts").get(0);
    // added (issue 12, Deliver 8): the disk's and the NIC's mean utilisation and queue; (issue
    // 13, platform-options) the host options it ran with
    assertEquals(
        set(
            "name",
            "platform",
            "oversell",
            "cpu_utilization",
            "memory",
            "disk",
            "network",
            "options"),
        keys(host));
    assertEquals(set("utilization", "queue"), keys(host.get("disk")));
    assertEquals(set("utilization", "queue"), keys(host.get("network")));
    assertEquals(set("cpu", "memory", "disk"), keys(host.get("oversell")));
    assertEquals(set("used", "swapped"), keys(host.get("memory")));
    JsonNode tenant = root.get("tenants").get(0);
    assertEquals(
        set("name", "host", "platform", "workload", "metrics", "baseline", "degradation", "victim"),
        keys(tenant));
    assertEquals(METRICS, keys(tenant.get("metrics")));
    assertEquals(METRICS, keys(tenant.get("baseline")));
    assertEquals(
        set("mean", "p50", "p95", "p99", "max"), keys(tenant.get("metrics").get("latency_ms")));
    // user contract section 3: cpu{used_core_s, steal_fraction, throttled_s, costop_fraction,
    // wakeup_delay_ms{p50, p99}}
    JsonNode cpu = tenant.get("metrics").get("cpu");
    assertEquals(
        set("used_core_s", "steal_fraction", "throttled_s", "costop_fraction", "wakeup_delay_ms"),
        keys(cpu));
    assertEquals(set("p50", "p99"), keys(cpu.get("wakeup_delay_ms")));
    assertEquals(
        set(
            "resident",
            "swapped",
            "major_faults",
            // documented additions (docs/report.md): reads through the page cache
            "cache_hits",
            "cache_misses",
            "cache_hit_ratio",
            // and reclaim stalls and swap traffic
            "reclaim_stalls",
            "reclaim_stall_ms",
            "swap_in",
            "swap_out"),
        keys(tenant.get("metrics").get("memory")));
    assertEquals(
        set("total", "p99"), keys(tenant.get("metrics").get("memory").get("reclaim_stall_ms")));
    assertEquals(
        set(
            "headline",
            "good_rate",
            "throughput",
            "p99_ratio",
            "mean_latency_ratio",
            "makespan_ratio",
            "mean_completion_ratio"),
        keys(tenant.get("degradation")));
    assertEquals(set("members", "matrix", "mode"), keys(root.get("interference")));
    assertEquals(
        set(
            "headline_metric",
            "victim_degradation_mean",
            "victim_degradation_max",
            "jain_fairness",
            "victims",
            "worst_victim"),
        keys(root.get("summary")));
    // degradation.good_rate = 1 - good / baseline good = 1 - 80/100
    assertEquals(0.2, tenant.get("degradation").get("good_rate").doubleValue(), 1e-12);
    // headline = max(good_rate, 1 - p99 alone / p99 shared) = max(0.2, 1 - 50/200)
    assertEquals(0.75, tenant.get("degradation").get("headline").doubleValue(), 1e-12);
    assertEquals(
        "requests: max(good_rate, 1 - p99 alone / p99 shared)",
        root.get("summary").get("headline_metric").asText());
  }

  @Test
  void json_baselineNone_nullBaselineAndDegradation_interferenceNone_emptyMatrix()
      throws Exception {
    var settings =
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of());
    JsonNode root = json(settings);
    JsonNode tenant = root.get("tenants").get(0);
    assertTrue(tenant.get("baseline").isNull());
    assertTrue(tenant.get("degradation").isNull());
    assertEquals(0, root.get("interference").get("matrix").size());
    assertTrue(root.get("summary").get("jain_fairness").isNull());
  }
}
