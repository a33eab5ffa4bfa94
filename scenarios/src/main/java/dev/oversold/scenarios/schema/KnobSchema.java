package dev.oversold.scenarios.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the platforms' own knobs to the generated schema, so that editors complete and check a
 * host's {@code options} for its platform and a plan's {@code native} block. The knobs come from
 * the platforms' declarations, as the loader's validation does: a knob a platform adds appears here
 * with no further code.
 */
public final class KnobSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The host option naming the I/O scheduler: a name, not a knob with a unit. */
  public static final String IO_SCHEDULER = "io-scheduler";

  /** The host key holding options per platform. */
  public static final String PLATFORM_OPTIONS = "platform-options";

  private KnobSchema() {}

  /** Adds the knobs to {@code schema}'s host and plan definitions, in place. */
  public static void addTo(ObjectNode schema, String hostDef, String planDef) {
    ObjectNode defs = (ObjectNode) schema.get("$defs");
    ObjectNode host = (ObjectNode) defs.get(hostDef);
    ArrayNode perPlatform = host.putArray("allOf");
    ObjectNode byPlatform = JSON.objectNode();
    for (PlatformKind kind : Platforms.kinds()) {
      ObjectNode rule = perPlatform.addObject();
      ObjectNode condition = rule.putObject("if");
      condition.putObject("properties").putObject("platform").put("const", kind.id());
      condition.putArray("required").add("platform");
      ObjectNode options = hostOptions(kind);
      ObjectNode then = rule.putObject("then");
      then.putObject("properties").set("options", options);
      // the host's own options in options or in its own block, not both (as the loader refuses)
      ObjectNode both = then.putObject("not");
      both.putArray("required").add("options").add(PLATFORM_OPTIONS);
      both.putObject("properties").putObject(PLATFORM_OPTIONS).putArray("required").add(kind.id());
      byPlatform.set(kind.id(), options.deepCopy());
    }
    ObjectNode platformOptions = (ObjectNode) host.get("properties").get(PLATFORM_OPTIONS);
    platformOptions.remove("additionalProperties");
    platformOptions.set("properties", byPlatform);
    platformOptions.put("additionalProperties", false);
    Map<String, Knob> nativeKnobs = new TreeMap<>();
    Map<String, String> owners = new TreeMap<>();
    for (PlatformKind kind : Platforms.kinds()) {
      for (Knob knob : Platforms.of(kind).nativeKnobs()) {
        nativeKnobs.putIfAbsent(knob.key(), knob);
        owners.merge(knob.key(), kind.id(), (a, b) -> a + ", " + b);
      }
    }
    ObjectNode nativeBlock = (ObjectNode) defs.get(planDef).get("properties").get("native");
    nativeBlock.set("properties", properties(nativeKnobs.values(), owners));
    nativeBlock.put("additionalProperties", false);
  }

  /** The schema of one platform's host options: its knobs and its I/O schedulers. */
  private static ObjectNode hostOptions(PlatformKind kind) {
    ObjectNode options = JSON.objectNode();
    options.put("type", "object");
    ObjectNode optionProperties = properties(Platforms.of(kind).hostOptions(), null);
    ObjectNode scheduler = optionProperties.putObject(IO_SCHEDULER);
    var io = Platforms.of(kind).io();
    scheduler.put(
        "description",
        "The host's I/O scheduler; default "
            + io.defaultIoScheduler(DiskKind.DERIVED).id()
            + (io.defaultIoScheduler(DiskKind.NVME) != io.defaultIoScheduler(DiskKind.DERIVED)
                ? " (" + io.defaultIoScheduler(DiskKind.NVME).id() + " for an nvme profile)"
                : "")
            + ".");
    ArrayNode allowed = scheduler.putArray("enum");
    io.ioSchedulers().forEach(s -> allowed.add(s.id()));
    options.set("properties", optionProperties);
    options.put("additionalProperties", false);
    return options;
  }

  private static ObjectNode properties(Iterable<Knob> knobs, Map<String, String> owners) {
    ObjectNode properties = JSON.objectNode();
    for (Knob knob : knobs) {
      ObjectNode property = properties.putObject(knob.key());
      String owner = owners == null ? "" : "[" + owners.get(knob.key()) + "] ";
      property.put("description", owner + knob.description() + " (" + unit(knob.kind()) + ")");
      ArrayNode types = property.putArray("type");
      switch (knob.kind()) {
        case NUMBER, COUNT -> types.add("number");
        case RATE -> types.add("number").add("string");
        case BOOLEAN -> types.add("boolean").add("string");
        default -> types.add("string");
      }
      if (knob.kind() == KnobKind.CHOICE) {
        ArrayNode names = property.putArray("enum");
        knob.choices().forEach(names::add);
      }
    }
    return properties;
  }

  private static String unit(KnobKind kind) {
    return switch (kind) {
      case NUMBER -> "a number";
      case COUNT -> "a whole number";
      case PERCENT -> "a percentage, e.g. 50%";
      case BYTES -> "bytes with a unit, e.g. 512MiB";
      case DURATION -> "a duration with a unit, e.g. 100us";
      case BOOLEAN -> "true or false";
      case BYTE_RATE -> "a rate, e.g. 50MB/s or 100Mbit/s";
      case RATE -> "a rate per second, e.g. 20/s or 20";
      case CHOICE -> "a name";
    };
  }
}
