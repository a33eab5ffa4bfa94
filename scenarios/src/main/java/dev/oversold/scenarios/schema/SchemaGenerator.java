package dev.oversold.scenarios.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oversold.scenarios.bind.Binder;
import dev.oversold.scenarios.bind.Quantity;
import dev.oversold.scenarios.bind.Shapes;
import dev.oversold.scenarios.dto.Doc;
import dev.oversold.scenarios.dto.PerSecond;
import dev.oversold.scenarios.dto.Required;
import dev.oversold.scenarios.tree.Node;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates a JSON Schema (draft 2020-12) from the DTO records: the same types the binder fills, so
 * the schema cannot drift from what the loader accepts. Keys, required keys, enum ids, unit
 * patterns, discriminators ({@code kind}, {@code process}, {@code distribution}) and the short
 * forms ({@code plan: small}, {@code cpu: 4ms}) all come from the DTOs and their annotations.
 *
 * <p>Written here rather than with a generator library because the format's unions (a scalar or a
 * mapping, chosen by a discriminator key) and unit-bearing strings would each need a custom hook in
 * a library; walking the records directly is shorter.
 */
public final class SchemaGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();

  private SchemaGenerator() {}

  /** The schema of files bound to {@code root}. */
  public static ObjectNode generate(Class<?> root, String id, String title) {
    SchemaGenerator generator = new SchemaGenerator();
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", id);
    schema.put("title", title);
    ObjectNode body = generator.recordSchema(root, null);
    schema.setAll(body);
    ObjectNode defs = schema.putObject("$defs");
    generator.definitions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> defs.set(entry.getKey(), entry.getValue()));
    return schema;
  }

  private ObjectNode typeSchema(Type type) {
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      ObjectNode schema = JSON.objectNode();
      if (raw == List.class) {
        schema.put("type", "array");
        schema.set("items", typeSchema(arguments[0]));
      } else {
        schema.put("type", "object");
        schema.set("additionalProperties", typeSchema(arguments[1]));
      }
      return schema;
    }
    Class<?> c = (Class<?>) type;
    ObjectNode schema = JSON.objectNode();
    Optional<Quantity<?>> quantity = Quantity.of(c);
    if (quantity.isPresent()) {
      schema.put("type", "string");
      schema.put("pattern", quantity.get().pattern());
      return schema;
    }
    if (c == Node.class) {
      ArrayNode types = schema.putArray("type");
      types.add("string").add("number").add("boolean");
      return schema;
    }
    if (c == String.class) {
      schema.put("type", "string");
    } else if (c == Integer.class || c == Long.class) {
      schema.put("type", "integer");
    } else if (c == Double.class) {
      schema.put("type", "number");
    } else if (c == Boolean.class) {
      schema.put("type", "boolean");
    } else if (c.isEnum()) {
      ArrayNode values = schema.putArray("enum");
      Shapes.enumIds(c).forEach(values::add);
    } else if (c.isSealed() || c.isRecord()) {
      schema.put("$ref", "#/$defs/" + define(c));
    } else {
      throw new IllegalStateException("no schema for " + c);
    }
    return schema;
  }

  private String define(Class<?> c) {
    String name = c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
    if (!definitions.containsKey(name)) {
      definitions.put(name, JSON.objectNode()); // placeholder against recursion
      definitions.put(name, c.isSealed() ? sealedSchema(c) : recordSchema(c, null));
    }
    return name;
  }

  private ObjectNode sealedSchema(Class<?> c) {
    ObjectNode schema = JSON.objectNode();
    describe(schema, c.getAnnotation(Doc.class));
    ArrayNode oneOf = schema.putArray("oneOf");
    for (Class<?> wrapper : Shapes.wrapperSubtypes(c)) {
      ObjectNode form = typeSchema(wrapper.getRecordComponents()[0].getGenericType());
      describe(form, wrapper.getAnnotation(Doc.class));
      oneOf.add(form);
    }
    String discriminator = Shapes.discriminator(c);
    for (Class<?> sub : Shapes.mappingSubtypes(c)) {
      String name = sub.getName().substring(sub.getPackageName().length() + 1).replace('$', '.');
      if (!definitions.containsKey(name)) {
        definitions.put(name, JSON.objectNode());
        definitions.put(name, recordSchema(sub, discriminator));
      }
      oneOf.add(JSON.objectNode().put("$ref", "#/$defs/" + name));
    }
    return schema;
  }

  private ObjectNode recordSchema(Class<?> c, String discriminator) {
    ObjectNode schema = JSON.objectNode();
    describe(schema, c.getAnnotation(Doc.class));
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    if (discriminator != null) {
      properties.set(discriminator, JSON.objectNode().put("const", Shapes.typeName(c)));
      required.add(discriminator);
    }
    for (RecordComponent component : c.getRecordComponents()) {
      String key = Shapes.key(component);
      ObjectNode property = typeSchema(component.getGenericType());
      if (component.isAnnotationPresent(PerSecond.class)) {
        property = JSON.objectNode();
        property.putArray("type").add("number").add("string");
        property.put("pattern", "^\\s*[0-9.eE+-]+\\s*(/s)?\\s*$");
      }
      Doc doc = component.getAnnotation(Doc.class);
      Optional<Quantity<?>> quantity = Quantity.of(component.getType());
      StringBuilder text = new StringBuilder(doc == null ? "" : doc.value());
      if (quantity.isPresent()) {
        text.append(" Written as ").append(quantity.get().expected()).append('.');
      }
      if (doc != null && !doc.byDefault().isEmpty()) {
        text.append(" Default: ").append(doc.byDefault()).append('.');
      }
      if (text.length() > 0) {
        ObjectNode ordered = JSON.objectNode().put("description", text.toString().strip());
        ordered.setAll(property);
        property = ordered;
      }
      properties.set(key, property);
      if (component.isAnnotationPresent(Required.class)) {
        required.add(key);
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.putObject("patternProperties").putObject("^" + Binder.EXTENSION_PREFIX);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static void describe(ObjectNode schema, Doc doc) {
    if (doc != null) {
      schema.put("description", doc.value());
    }
  }
}
