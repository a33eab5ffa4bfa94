package dev.oversold.report.rendering;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.oversold.core.result.BeancounterFigures;
import java.io.IOException;
import java.util.List;

/**
 * A tenant's {@code beancounters} in report.json: one object per counter, keyed by its name, with
 * held, maxheld, barrier, limit and failcnt as /proc/user_beancounters shows them. Written for
 * OpenVZ tenants only; other tenants have no such key.
 */
final class JsonBeancounters {
  private JsonBeancounters() {}

  static void write(JsonGenerator json, List<BeancounterFigures> beancounters) throws IOException {
    if (beancounters.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart("beancounters");
    for (BeancounterFigures counter : beancounters) {
      json.writeObjectFieldStart(counter.name());
      json.writeNumberField("held", counter.held());
      json.writeNumberField("maxheld", counter.maxHeld());
      json.writeNumberField("barrier", counter.barrier());
      json.writeNumberField("limit", counter.limit());
      json.writeNumberField("failcnt", counter.failCount());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
