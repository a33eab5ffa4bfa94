package dev.oversold.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oversold.scenarios.dto.ScenarioDto;
import dev.oversold.scenarios.schema.KnobSchema;
import dev.oversold.scenarios.schema.SchemaGenerator;

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the DTOs the loader binds, for
 * {@code oversold schema} and editors. The same text is committed as the resource {@code
 * /scenario.schema.json}, which the bundled files point at.
 */
public final class ScenarioSchema {
  /** The schema's {@code $id}. */
  public static final String ID = "urn:oversold:scenario:1";

  /** Where the committed copy lives in the jar and in {@code src/main/resources}. */
  public static final String RESOURCE = "/scenario.schema.json";

  private ScenarioSchema() {}

  /**
   * Prints the schema, to regenerate the committed copy: {@code java -cp <classpath>
   * dev.oversold.scenarios.ScenarioSchema > scenarios/src/main/resources/scenario.schema.json}, or
   * {@code ./oversold schema > ...}.
   */
  public static void main(String[] args) {
    System.out.print(json());
  }

  /** The schema as pretty-printed JSON ending with a newline. */
  public static String json() {
    try {
      ObjectNode schema = SchemaGenerator.generate(ScenarioDto.class, ID, "Oversold scenario file");
      KnobSchema.addTo(schema, "HostDto", "PlanDto");
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(schema)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema", e);
    }
  }
}
