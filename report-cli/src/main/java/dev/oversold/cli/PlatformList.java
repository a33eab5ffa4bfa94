package dev.oversold.cli;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code --platforms} option of compare and plan, resolved against the platform registry. */
final class PlatformList {
  private PlatformList() {}

  /**
   * The platforms named in {@code ids}, in order; when none is given, those the registry compares
   * by default (every virtualization platform; bare metal, the reference, only when named).
   */
  static List<PlatformKind> resolve(@Nullable List<String> ids) throws BadInputException {
    List<String> names =
        ids != null ? ids : Platforms.comparedByDefault().stream().map(PlatformKind::id).toList();
    List<PlatformKind> kinds = new ArrayList<>();
    for (String id : names) {
      PlatformKind kind =
          Platforms.byId(id.strip())
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "unknown platform "
                              + id
                              + " in --platforms (expected "
                              + String.join(
                                  ", ", Platforms.kinds().stream().map(PlatformKind::id).toList())
                              + ")"));
      if (kinds.contains(kind)) {
        throw new BadInputException("platform " + id + " is listed twice in --platforms");
      }
      kinds.add(kind);
    }
    return kinds;
  }
}
