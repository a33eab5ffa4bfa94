package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.scenarios.convert.WorkloadBindings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every place that lists workload kinds -- the schema, the loader's error messages, the writer and
 * the docs tables -- follows the declarations (core {@code Workloads}, scenario {@code
 * WorkloadBindings}) and refuses a kind they do not declare.
 */
final class WorkloadDeclarationsTest {
  private static final Path DOCS = Path.of(System.getProperty("user.dir")).resolve("../docs");

  private static List<String> declaredNames() {
    return Workloads.all().stream().map(WorkloadKind::name).toList();
  }

  @Test
  void schema_offersExactlyTheDeclaredKindsInOrder() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(ScenarioSchema.json());
    List<String> kinds = new ArrayList<>();
    for (JsonNode ref : schema.at("/$defs/WorkloadDto/oneOf")) {
      String name = ref.get("$ref").asText().substring("#/$defs/".length());
      kinds.add(schema.get("$defs").get(name).at("/properties/kind/const").asText());
    }
    assertEquals(declaredNames(), kinds);
  }

  @Test
  void unknownKind_isAProblemListingTheDeclaredKindsInOrder() {
    List<String> problems =
        ScenarioLoaderTest.problems(ScenarioLoaderTest.MINIMAL.replace("service", "teapot"));
    assertEquals(
        List.of(
            "s.yaml:16:13: tenants[0].workload.kind: unknown kind 'teapot' (expected one of: service,"
                + " batch, cpu-hog, memory-bomb, fork-bomb, disk-hog, net-flood, idle)"),
        problems);
  }

  /** A spec that no kind declares. */
  private record Unregistered(WorkloadSpec.Window window) implements WorkloadSpec {}

  @Test
  void writer_aTenantOfAnUndeclaredKind_isAnErrorNotAnOmission() throws ScenarioException {
    Scenario loaded = ScenarioLoaderTest.parse(ScenarioLoaderTest.MINIMAL);
    TenantSpec web = loaded.tenants().get(0);
    Scenario odd =
        new Scenario(
            loaded.name(),
            loaded.description(),
            loaded.seed(),
            loaded.duration(),
            loaded.warmup(),
            loaded.sampleInterval(),
            loaded.hosts(),
            List.of(
                web,
                new TenantSpec(
                    "odd", web.host(), web.plan(), new Unregistered(WorkloadSpec.Window.ALWAYS))),
            loaded.report());
    var error = assertThrows(IllegalArgumentException.class, () -> ScenarioWriter.write(odd));
    assertTrue(error.getMessage().contains("Unregistered"), error.getMessage());
  }

  @Test
  void roundTripGenerator_coversEveryDeclaredKind() {
    // ScenarioRoundTripProperties proves write-then-load only for the kinds RandomScenarios
    // generates; a declared kind it never generates would escape that proof.
    Set<String> generated = new TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      for (TenantSpec tenant : RandomScenarios.scenario(seed).tenants()) {
        generated.add(Workloads.of(tenant.workload()).name());
      }
    }
    assertEquals(new TreeSet<>(declaredNames()), generated);
  }

  /** The rows of the first Markdown table whose header line is {@code header}. */
  private static List<List<String>> table(Path file, String header) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int at = lines.indexOf(header);
    assertTrue(at >= 0, file + " has no table headed " + header);
    List<List<String>> rows = new ArrayList<>();
    for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
        cells.add(cell.strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void scenarioFormatDocs_workloadTable_isTheDeclaredRows() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    for (List<String> row :
        table(DOCS.resolve("scenario-format.md"), "| kind | keys (defaults) |")) {
      documented.put(row.get(0).replace("`", ""), row.get(1));
    }
    assertEquals(WorkloadBindings.keysDocs(), documented);
  }

  @Test
  void workloadsDocs_noisyNeighbourTable_isTheSuspectKindsWithTheirProgressUnit()
      throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    for (List<String> row :
        table(
            DOCS.resolve("workloads.md"),
            "| kind | parameters | mechanism | progress | refusals |")) {
      documented.put(row.get(0).replace("`", ""), row.get(3).split(" ", -1)[0]);
    }
    Map<String, String> declared = new LinkedHashMap<>();
    Workloads.all().stream()
        .filter(kind -> !kind.victim())
        .forEach(kind -> declared.put(kind.name(), kind.progressUnit()));
    assertEquals(declared, documented);
  }
}
