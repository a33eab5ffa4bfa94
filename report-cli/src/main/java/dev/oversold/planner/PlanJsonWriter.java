package dev.oversold.planner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/**
 * plan.json: the keys of the user contract (section 4) in a fixed order, plus {@code
 * limits.p99_own_slo}, per platform {@code curve_metric} and {@code warnings} and per curve point
 * {@code replications}. {@code ci95} is {@code {low, high}} or null with one replication. Nothing
 * in it depends on wall time, so the same plan gives the same bytes.
 */
public final class PlanJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlanJsonWriter() {}

  public static void write(PlanReport plan, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      json.setPrettyPrinter(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(indenter)
              .withArrayIndenter(indenter));
      json.writeStartObject();
      json.writeStringField("scenario", plan.scenario());
      json.writeNumberField("seed", plan.seed());
      json.writeObjectFieldStart("limits");
      number(json, "p99_ms", plan.limits().p99Ms() == null ? Double.NaN : plan.limits().p99Ms());
      json.writeBooleanField("p99_own_slo", plan.limits().ownSlo());
      number(json, "max_degradation", plan.limits().maxDegradation());
      json.writeEndObject();
      json.writeStringField("tenant", plan.tenant());
      json.writeArrayFieldStart("platforms");
      for (PlanReport.PlatformPlan platform : plan.platforms()) {
        platform(json, platform);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void platform(JsonGenerator json, PlanReport.PlatformPlan p) throws IOException {
    SearchResult s = p.search();
    json.writeStartObject();
    json.writeStringField("platform", p.platform());
    json.writeNumberField("tenants", s.tenants());
    number(json, "margin", s.margin());
    json.writeStringField("binding_resource", s.bindingResource());
    json.writeStringField("deciding_metric", s.decidingMetric());
    json.writeStringField("curve_metric", s.curveMetric());
    json.writeNumberField("runs", p.runs());
    json.writeArrayFieldStart("curve");
    for (SearchResult.CurvePoint point : s.curve()) {
      json.writeStartObject();
      json.writeNumberField("tenants", point.tenants());
      number(json, "value", point.value());
      json.writeFieldName("ci95");
      if (Double.isNaN(point.low())) {
        json.writeNull();
      } else {
        json.writeStartObject();
        number(json, "low", point.low());
        number(json, "high", point.high());
        json.writeEndObject();
      }
      json.writeNumberField("replications", point.replications());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("warnings");
    for (String warning : s.warnings()) {
      json.writeString(warning);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void number(JsonGenerator json, String name, double value) throws IOException {
    json.writeFieldName(name);
    String text = PlanNumbers.machine(value);
    if (text == null) {
      json.writeNull();
    } else {
      json.writeNumber(text);
    }
  }
}
