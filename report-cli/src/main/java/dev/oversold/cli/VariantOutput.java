package dev.oversold.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.oversold.report.calculation.Stats;
import dev.oversold.report.model.HostReport;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.Variant;
import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.report.rendering.CsvReportWriter;
import dev.oversold.report.rendering.JsonReportWriter;
import dev.oversold.report.rendering.Numbers;
import dev.oversold.report.rendering.TextTable;
import dev.oversold.sweep.GroupTails;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The side-by-side outputs of {@code compare} (one row per platform) and {@code sweep} (one row per
 * grid point) as a console table, CSV and JSON. Overhead, shown for comparisons, is the share of
 * the victims' good rate alone that a platform loses against the best platform compared: what the
 * virtualization layer costs before any neighbour does. Written as NAME.txt, NAME.csv and
 * NAME.json, one of them printed; the only writer of these tables (report/VariantWriter is gone).
 */
final class VariantOutput {
  static final List<String> FORMATS = List.of("table", "json", "csv");

  private final List<String> labelNames;
  private final List<Variant> variants;
  private final boolean overhead;
  private final boolean showHostOptions;
  private final SweepFigures sweep;

  /** A sweep axis that sets a host's platform or one of its platform-options blocks. */
  private static final Pattern PLATFORM_AXIS =
      Pattern.compile("hosts\\[[^\\[\\]]+\\]\\.platform(-options)?(\\..*)?");

  /**
   * @param overhead whether the table has the overhead column (a comparison of platforms)
   * @param showHostOptions whether the table ends with the note of the host options each row ran
   *     with that are not its platform's defaults, and the JSON rows carry them as {@code
   *     host_options}: for {@code compare}, and a sweep whose rows can differ in platform ({@link
   *     #hostOptionsDiffer})
   */
  VariantOutput(
      List<String> labelNames, List<Variant> variants, boolean overhead, boolean showHostOptions) {
    this(labelNames, variants, overhead, showHostOptions, null);
  }

  /**
   * With {@code tails} (a sweep: one map per variant), the table also shows the intervals of the
   * victims' mean degradation and each group's p99 with its interval ({@link SweepFigures}).
   */
  VariantOutput(
      List<String> labelNames,
      List<Variant> variants,
      boolean overhead,
      boolean showHostOptions,
      @Nullable List<Map<String, GroupTails.Tail>> tails) {
    this.labelNames = List.copyOf(labelNames);
    this.variants = List.copyOf(variants);
    this.overhead = overhead;
    this.showHostOptions = showHostOptions;
    this.sweep = tails == null ? null : new SweepFigures(this.variants, tails);
  }

  /**
   * Whether a sweep's rows can differ in the platform a host runs or the options it runs it with:
   * an axis sets {@code hosts[i].platform} or a {@code platform-options} block, or two rows ran a
   * host on different platforms.
   */
  static boolean hostOptionsDiffer(List<String> axisLabels, List<Variant> variants) {
    if (axisLabels.stream().anyMatch(label -> PLATFORM_AXIS.matcher(label).matches())) {
      return true;
    }
    Set<List<String>> platforms = new HashSet<>();
    for (Variant v : variants) {
      platforms.add(v.report().hosts().stream().map(HostReport::platform).toList());
    }
    return platforms.size() > 1;
  }

  /** The names of the files {@link #write} writes. */
  static List<String> fileNames(String name) {
    return List.of(name + ".txt", name + ".csv", name + ".json");
  }

  /** Writes NAME.txt, NAME.csv and NAME.json into {@code dir}, atomically. */
  List<Path> write(Path dir, String name) throws IOException, InterruptedException {
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    files.put(name + ".txt", this::writeTable);
    files.put(name + ".csv", this::writeCsv);
    files.put(name + ".json", this::writeJson);
    return AtomicOutput.writeAll(dir, files);
  }

  /** The table in {@code format}, one of {@link #FORMATS}. */
  String render(String format) throws IOException {
    StringWriter text = new StringWriter();
    switch (format) {
      case "json" -> writeJson(text);
      case "csv" -> writeCsv(text);
      default -> writeTable(text);
    }
    return text.toString();
  }

  /** Share of the best variant's alone good rate this one does not reach. */
  double overhead(Variant variant) {
    double best = Stats.max(variants.stream().mapToDouble(Variant::victimsAloneGoodPerS).toArray());
    return Stats.drop(variant.victimsAloneGoodPerS(), best);
  }

  private List<String> headers() {
    List<String> headers = new ArrayList<>(labelNames);
    headers.addAll(List.of("tenants/host", "vCPU/core", "RAM sold x"));
    if (overhead) {
      headers.add("overhead %");
    }
    headers.addAll(
        List.of(
            "victims mean degr. %",
            "worst degr. %",
            "p99 inflation x",
            "victim steal %",
            "failed",
            "refused",
            "oom kills"));
    if (sweep != null) {
      headers.addAll(sweep.tableHeaders());
    }
    return headers;
  }

  void writeTable(Writer out) throws IOException {
    TextTable table = new TextTable(labelNames.size(), headers().toArray(String[]::new));
    for (int index = 0; index < variants.size(); index++) {
      Variant v = variants.get(index);
      List<String> cells = new ArrayList<>(v.labels());
      Summary s = v.report().summary();
      cells.add(Numbers.fixed(v.density(), 1));
      cells.add(Numbers.fixed(v.vcpusPerCore(), 2));
      cells.add(Numbers.fixed(v.ramSold(), 2));
      if (overhead) {
        cells.add(Numbers.percent(overhead(v)));
      }
      cells.add(
          Numbers.percent(s.victimDegradationMean())
              + (sweep == null ? "" : SweepFigures.plusMinusPercent(s.degradationMeanCi95())));
      cells.add(
          Numbers.percent(s.victimDegradationMax())
              + (s.worstVictim().isEmpty() ? "" : " (" + s.worstVictim() + ")"));
      cells.add(Numbers.fixed(v.p99Inflation(), 2));
      cells.add(Numbers.percent(v.victimSteal()));
      cells.add(Numbers.fixed(v.failed(), 0));
      cells.add(Numbers.fixed(v.refusals(), 0));
      cells.add(Numbers.fixed(v.oomKills(), 0));
      if (sweep != null) {
        cells.addAll(sweep.tableCells(index));
      }
      table.add(cells.toArray(String[]::new));
    }
    out.write(table.render());
    if (showHostOptions) {
      out.write(optionsNote());
    }
  }

  /**
   * The note of the host options each row ran with that are not that platform's defaults ({@code
   * options} or the host's {@code platform-options}); nothing when every platform ran its defaults.
   */
  private String optionsNote() {
    if (variants.stream().allMatch(v -> hostOptions(v).values().stream().allMatch(Map::isEmpty))) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Variant v : variants) {
      List<String> hosts = new ArrayList<>();
      Map<String, Map<String, String>> byHost = hostOptions(v);
      boolean named = byHost.size() > 1;
      for (Map.Entry<String, Map<String, String>> host : byHost.entrySet()) {
        List<String> options = new ArrayList<>();
        host.getValue().forEach((key, value) -> options.add(key + " " + value));
        if (!options.isEmpty() || named) {
          hosts.add(
              (named ? host.getKey() + " " : "")
                  + (options.isEmpty() ? "defaults" : String.join(", ", options)));
        }
      }
      parts.add(
          String.join(" ", v.labels())
              + ": "
              + (hosts.isEmpty() ? "defaults" : String.join("; ", hosts)));
    }
    return "Host options not at the platform's default: " + String.join(" | ", parts) + "\n";
  }

  /**
   * The options each host of a row ran with that are not its platform's defaults, by host name in
   * the report's order: what the note and JSON's {@code host_options} both show.
   */
  private static Map<String, Map<String, String>> hostOptions(Variant v) {
    Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
    for (HostReport host : v.report().hosts()) {
      byHost.put(host.name(), host.changedOptions());
    }
    return byHost;
  }

  private static final List<String> CSV_FIGURES =
      List.of(
          "tenants_per_host",
          "vcpus_per_core",
          "ram_sold_ratio",
          "overhead_fraction",
          "victim_degradation_mean",
          "victim_degradation_max",
          "worst_victim",
          "jain_fairness",
          "p99_inflation_ratio",
          "victim_steal_fraction",
          "failed",
          "refusals",
          "oom_kills");

  /** The machine-readable columns after the labels: the fixed figures, then a sweep's. */
  private List<String> figureNames() {
    List<String> names = new ArrayList<>(CSV_FIGURES);
    if (sweep != null) {
      names.addAll(sweep.names());
    }
    return names;
  }

  private List<String> allFigures(int index) {
    List<String> cells = figures(variants.get(index));
    if (sweep != null) {
      for (double value : sweep.values(index)) {
        cells.add(machine(value));
      }
    }
    return cells;
  }

  private List<String> figures(Variant v) {
    Summary s = v.report().summary();
    List<String> cells = new ArrayList<>();
    for (double value :
        new double[] {
          v.density(),
          v.vcpusPerCore(),
          v.ramSold(),
          overhead ? overhead(v) : Double.NaN,
          s.victimDegradationMean(),
          s.victimDegradationMax()
        }) {
      cells.add(machine(value));
    }
    cells.add(s.worstVictim());
    for (double value :
        new double[] {
          s.jainFairness(),
          v.p99Inflation(),
          v.victimSteal(),
          v.failed(),
          v.refusals(),
          v.oomKills()
        }) {
      cells.add(machine(value));
    }
    return cells;
  }

  void writeCsv(Writer out) throws IOException {
    List<String> header = new ArrayList<>(labelNames);
    header.addAll(figureNames());
    out.write(String.join(",", header) + "\n");
    for (int index = 0; index < variants.size(); index++) {
      List<String> cells = new ArrayList<>(variants.get(index).labels());
      cells.addAll(allFigures(index));
      out.write(String.join(",", cells.stream().map(CsvReportWriter::quote).toList()) + "\n");
    }
  }

  void writeJson(Writer out) throws IOException {
    try (JsonGenerator json = JsonReportWriter.open(out)) {
      json.writeStartArray();
      for (int index = 0; index < variants.size(); index++) {
        Variant v = variants.get(index);
        json.writeStartObject();
        for (int i = 0; i < labelNames.size(); i++) {
          json.writeStringField(labelNames.get(i), v.labels().get(i));
        }
        List<String> figures = allFigures(index);
        List<String> names = figureNames();
        for (int i = 0; i < names.size(); i++) {
          String value = figures.get(i);
          json.writeFieldName(names.get(i));
          if (names.get(i).equals("worst_victim")) {
            json.writeString(value);
          } else if (value.isEmpty()) {
            json.writeNull();
          } else {
            json.writeNumber(value);
          }
        }
        if (showHostOptions) {
          // which options each row's hosts ran with: those not at their platform's defaults
          json.writeObjectFieldStart("host_options");
          for (Map.Entry<String, Map<String, String>> host : hostOptions(v).entrySet()) {
            json.writeObjectFieldStart(host.getKey());
            for (Map.Entry<String, String> option : host.getValue().entrySet()) {
              json.writeStringField(option.getKey(), option.getValue());
            }
            json.writeEndObject();
          }
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.write('\n');
  }

  private static String machine(double value) {
    String text = Numbers.machine(value);
    return text == null ? "" : text;
  }
}
