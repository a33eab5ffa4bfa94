package dev.oversold.report.rendering;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.core.result.HostResult;
import dev.oversold.report.calculation.Headline;
import dev.oversold.report.model.GroupReport;
import dev.oversold.report.model.HostReport;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Interval;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import dev.oversold.report.model.Warning;
import dev.oversold.report.model.WindowReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * report.json: the contract keys (section 3 of the user contract) in a fixed order, {@code
 * warnings} right after the run's identity, plus {@code replications}, {@code victim}, {@code
 * ci95}, {@code groups} and the interference {@code mode}. Undefined figures are null; numbers keep
 * 9 significant digits so the bytes are stable.
 */
public final class JsonReportWriter implements ReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator json = open(out)) {
      json.writeStartObject();
      json.writeStringField("scenario", report.scenario());
      json.writeNumberField("seed", report.seed());
      number(json, "duration_s", report.durationS());
      number(json, "warmup_s", report.warmupS());
      json.writeNumberField("replications", report.replications());
      if (!report.windows().isEmpty()) {
        json.writeArrayFieldStart("windows");
        for (MeasurementWindow window : report.windows()) {
          json.writeStartObject();
          json.writeStringField("name", window.name());
          number(json, "from_s", window.from().nanos() / 1e9);
          number(json, "to_s", window.to().nanos() / 1e9);
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      warnings(json, report.warnings());
      json.writeArrayFieldStart("hosts");
      for (HostReport host : report.hosts()) {
        host(json, host);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("tenants");
      for (TenantReport tenant : report.tenants()) {
        tenant(json, tenant);
      }
      json.writeEndArray();
      if (!report.groups().isEmpty()) {
        json.writeArrayFieldStart("groups");
        for (GroupReport group : report.groups()) {
          group(json, group);
        }
        json.writeEndArray();
      }
      interference(json, report.interference());
      summary(json, report.summary());
      json.writeEndObject();
    }
    out.write('\n');
  }

  /** A generator that pretty-prints with two spaces and LF, whatever the platform. */
  public static JsonGenerator open(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    json.setPrettyPrinter(
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter));
    return json;
  }

  private static void warnings(JsonGenerator json, List<Warning> warnings) throws IOException {
    json.writeArrayFieldStart("warnings");
    for (Warning w : warnings) {
      json.writeStartObject();
      json.writeStringField("code", w.code());
      json.writeStringField("message", w.message());
      if (w.host() != null) {
        json.writeStringField("host", w.host());
      }
      if (w.tenant() != null) {
        json.writeStringField("tenant", w.tenant());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void host(JsonGenerator json, HostReport host) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", host.name());
    json.writeStringField("platform", host.platform());
    json.writeObjectFieldStart("oversell");
    number(json, "cpu", host.oversellCpu());
    number(json, "memory", host.oversellMemory());
    number(json, "disk", host.oversellDisk());
    json.writeEndObject();
    number(json, "cpu_utilization", host.cpuUtilization());
    json.writeObjectFieldStart("memory");
    number(json, "used", host.memoryUsedBytes());
    number(json, "swapped", host.memorySwappedBytes());
    json.writeEndObject();
    load(json, "disk", host.disk());
    load(json, "network", host.network());
    json.writeObjectFieldStart("options");
    for (Map.Entry<String, String> option : host.options().entrySet()) {
      json.writeStringField(option.getKey(), option.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void load(JsonGenerator json, String name, HostResult.Load load)
      throws IOException {
    json.writeObjectFieldStart(name);
    number(json, "utilization", load.utilization());
    number(json, "queue", load.queue());
    json.writeEndObject();
  }

  private static void tenant(JsonGenerator json, TenantReport tenant) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", tenant.name());
    json.writeStringField("host", tenant.host());
    json.writeStringField("platform", tenant.platform());
    json.writeStringField("workload", tenant.workload());
    json.writeBooleanField("victim", tenant.victim());
    json.writeFieldName("metrics");
    JsonMetrics.write(json, tenant.metrics());
    json.writeFieldName("baseline");
    JsonMetrics.write(json, tenant.baseline());
    degradation(json, tenant.degradation());
    if (tenant.ci95() != null) {
      json.writeObjectFieldStart("ci95");
      for (Map.Entry<String, Interval> entry : tenant.ci95().byName().entrySet()) {
        interval(json, entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
    }
    if (!tenant.windows().isEmpty()) {
      json.writeObjectFieldStart("windows");
      for (Map.Entry<String, WindowReport> entry : tenant.windows().entrySet()) {
        json.writeObjectFieldStart(entry.getKey());
        json.writeFieldName("metrics");
        JsonMetrics.write(json, entry.getValue().metrics());
        json.writeFieldName("baseline");
        JsonMetrics.write(json, entry.getValue().baseline());
        degradation(json, entry.getValue().degradation());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    JsonBeancounters.write(json, tenant.beancounters());
    json.writeEndObject();
  }

  private static void degradation(JsonGenerator json, TenantReport.Degradation d)
      throws IOException {
    json.writeFieldName("degradation");
    if (d == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    number(json, TenantReport.Degradation.HEADLINE, d.headline());
    for (Metric metric : MetricCatalog.compared()) {
      number(json, metric.comparison().jsonKey(), d.get(metric));
    }
    json.writeEndObject();
  }

  private static void group(JsonGenerator json, GroupReport g) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", g.name());
    json.writeArrayFieldStart("tenants");
    for (String tenant : g.tenants()) {
      json.writeString(tenant);
    }
    json.writeEndArray();
    json.writeStringField("workload", g.workloads());
    number(json, "good_per_s", g.goodPerS());
    number(json, "baseline_good_per_s", g.baselineGoodPerS());
    number(json, "degradation_good_rate", g.degradationGoodRate());
    number(json, "p99_ms", g.p99Ms());
    number(json, "baseline_p99_ms", g.baselineP99Ms());
    number(json, "steal_fraction", g.metrics().stealFraction());
    number(json, "failed", g.metrics().failed());
    number(json, "refusals", g.metrics().refusals());
    number(json, "oom_kills", g.metrics().oomKills());
    number(json, "progress_per_s", g.metrics().get(MetricCatalog.PROGRESS));
    json.writeStringField(Metric.WORKLOAD_UNIT_FIELD, g.metrics().progressUnit());
    number(json, "degradation_headline", g.degradationHeadline());
    json.writeStringField(
        "headline_rule", Headline.memberRule(List.of(g.workloads().split("\\+", -1))));
    json.writeObjectFieldStart("combined");
    for (var entry : GroupCombination.RULES.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void interference(JsonGenerator json, InterferenceReport interference)
      throws IOException {
    json.writeObjectFieldStart("interference");
    json.writeStringField("mode", interference.mode());
    json.writeArrayFieldStart("members");
    for (String member : interference.members()) {
      json.writeString(member);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("matrix");
    for (int i = 0; i < interference.members().size(); i++) {
      json.writeStartArray();
      for (int j = 0; j < interference.members().size(); j++) {
        value(json, interference.get(i, j));
      }
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void summary(JsonGenerator json, Summary s) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("victims", s.victims());
    if (s.headlineMetric().isEmpty()) {
      json.writeNullField("headline_metric");
    } else {
      json.writeStringField("headline_metric", s.headlineMetric());
    }
    number(json, "victim_degradation_mean", s.victimDegradationMean());
    number(json, "victim_degradation_max", s.victimDegradationMax());
    if (s.worstVictim().isEmpty()) {
      json.writeNullField("worst_victim");
    } else {
      json.writeStringField("worst_victim", s.worstVictim());
    }
    number(json, "jain_fairness", s.jainFairness());
    if (s.degradationMeanCi95() != null || s.jainCi95() != null) {
      json.writeObjectFieldStart("ci95");
      interval(json, "victim_degradation_mean", s.degradationMeanCi95());
      interval(json, "jain_fairness", s.jainCi95());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void interval(JsonGenerator json, String name, Interval interval)
      throws IOException {
    json.writeFieldName(name);
    if (interval == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    number(json, "mean", interval.mean());
    number(json, "low", interval.low());
    number(json, "high", interval.high());
    json.writeEndObject();
  }

  private static void number(JsonGenerator json, String name, double value) throws IOException {
    json.writeFieldName(name);
    value(json, value);
  }

  static void value(JsonGenerator json, double value) throws IOException {
    String text = Numbers.machine(value);
    if (text == null) {
      json.writeNull();
    } else {
      json.writeNumber(text);
    }
  }
}
