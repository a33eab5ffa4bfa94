package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScenarioSchemaTest {
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(ScenarioSchema.json());

  @Test
  void committedSchema_equalsTheGeneratedOne() throws IOException {
    String committed;
    try (InputStream in = ScenarioSchema.class.getResourceAsStream(ScenarioSchema.RESOURCE)) {
      assertNotNull(in, "missing " + ScenarioSchema.RESOURCE);
      committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(
        ScenarioSchema.json(),
        committed,
        "scenarios/src/main/resources/scenario.schema.json is stale (the DTOs changed):"
            + " regenerate it with ./oversold schema > scenarios/src/main/resources/scenario.schema.json"
            + " or ScenarioSchema.main");
  }

  @Test
  void schema_validatesEveryBundledFile() {
    for (ScenarioLibrary.Entry entry : ScenarioLibrary.list()) {
      List<Error> errors = SCHEMA.validate(json(ScenarioLibrary.text(entry)));
      assertTrue(errors.isEmpty(), entry.name() + ": " + errors);
    }
  }

  @Test
  void schema_validatesTheContractExample() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/contract-example.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Error> errors = SCHEMA.validate(json(text));
      assertTrue(errors.isEmpty(), errors.toString());
    }
  }

  @Test
  void schema_rejectsUnknownKeysBadUnitsAndUnknownKinds() {
    String minimal = ScenarioLoaderTest.MINIMAL;
    assertFalse(SCHEMA.validate(json(minimal.replace("cores: 8", "cors: 8"))).isEmpty());
    assertFalse(SCHEMA.validate(json(minimal.replace("duration: 10m", "duration: 600"))).isEmpty());
    assertFalse(SCHEMA.validate(json(minimal.replace("ram: 32GiB", "ram: 32GB/s"))).isEmpty());
    assertFalse(SCHEMA.validate(json(minimal.replace("kind: service", "kind: servce"))).isEmpty());
    assertTrue(SCHEMA.validate(json(minimal)).isEmpty());
  }

  @Test
  void schema_knowsEachPlatformsOptionsAndTheNativeKnobs() {
    String minimal = ScenarioLoaderTest.MINIMAL;
    // Xen declares dom0-memory; KVM does not: the same option is valid on one and not the other.
    String xen = minimal.replace("platform: kvm", "platform: xen");
    String withDom0 = "    options: { dom0-memory: 2GiB }\n";
    String xenWithDom0 =
        xen.replace("    memory: { ram: 32GiB }\n", "    memory: { ram: 32GiB }\n" + withDom0);
    String kvmWithDom0 =
        minimal.replace("    memory: { ram: 32GiB }\n", "    memory: { ram: 32GiB }\n" + withDom0);
    assertTrue(SCHEMA.validate(json(xenWithDom0)).isEmpty(), xenWithDom0);
    assertFalse(SCHEMA.validate(json(kvmWithDom0)).isEmpty());
    // Plan-native knobs: OpenVZ's cpuunits is known, a misspelling is not.
    String cpuunits =
        minimal.replace(
            "memory: { ram: 1GiB }", "memory: { ram: 1GiB }\n    native: { cpuunits: 2000 }");
    assertTrue(SCHEMA.validate(json(cpuunits)).isEmpty(), cpuunits);
    assertFalse(SCHEMA.validate(json(cpuunits.replace("cpuunits", "cpuunit"))).isEmpty());
  }

  /**
   * A host's own platform takes its options from options or from its own platform-options block,
   * never both: the loader refuses both (PlatformOptionsKeysTest), and so does the schema. Another
   * platform's block beside options is valid, as is the own block alone.
   */
  @Test
  void schema_refusesTheHostsOwnOptionsGivenTwice_asTheLoaderDoes() {
    String xen = ScenarioLoaderTest.MINIMAL.replace("platform: kvm", "platform: xen");
    String options = "    options: { dom0-memory: 2GiB }\n";
    String xenBlock = "    platform-options:\n      xen: { dom0-vcpus: 1 }\n";
    String kvmBlock = "    platform-options:\n      kvm: { io-scheduler: bfq }\n";
    String ram = "    memory: { ram: 32GiB }\n";
    String both = xen.replace(ram, ram + options + xenBlock);
    String other = xen.replace(ram, ram + options + kvmBlock);
    String ownBlockOnly = xen.replace(ram, ram + xenBlock);
    assertFalse(SCHEMA.validate(json(both)).isEmpty(), both);
    assertTrue(SCHEMA.validate(json(other)).isEmpty(), other);
    assertTrue(SCHEMA.validate(json(ownBlockOnly)).isEmpty(), ownBlockOnly);
    // the loader agrees on all three
    assertEquals(1, ScenarioLoaderTest.problems(both).size());
    assertDoesNotThrow(() -> ScenarioLoaderTest.parse(other));
    assertDoesNotThrow(() -> ScenarioLoaderTest.parse(ownBlockOnly));
  }

  @Test
  void everyBundledFile_startsWithTheEditorHint() {
    for (ScenarioLibrary.Entry entry : ScenarioLibrary.list()) {
      assertTrue(
          ScenarioLibrary.text(entry)
              .startsWith("# yaml-language-server: $schema=../scenario.schema.json\n"),
          entry.name());
    }
  }

  /** The document as the loader sees it (aliases and merge keys resolved), as JSON. */
  private static JsonNode json(String yaml) {
    Problems problems = new Problems("test.yaml");
    Node root = TreeReader.read(yaml, "test.yaml", false, problems);
    assertTrue(problems.isEmpty(), problems.sorted().toString());
    return toJson(root);
  }

  private static JsonNode toJson(Node node) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (node instanceof Node.MapNode map) {
      ObjectNode object = json.objectNode();
      map.entries().forEach((key, entry) -> object.set(key, toJson(entry.value())));
      return object;
    }
    if (node instanceof Node.ListNode list) {
      return json.arrayNode()
          .addAll(list.items().stream().map(ScenarioSchemaTest::toJson).toList());
    }
    Node.ScalarNode scalar = (Node.ScalarNode) node;
    return switch (scalar.type()) {
      case INTEGER, DECIMAL -> json.numberNode(new BigDecimal(scalar.text()));
      case BOOLEAN -> json.booleanNode(Boolean.parseBoolean(scalar.text()));
      case NULL -> json.nullNode();
      case STRING -> json.textNode(scalar.text());
    };
  }
}
