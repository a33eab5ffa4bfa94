package dev.oversold.scenarios.convert;

import dev.oversold.core.model.Skew;
import dev.oversold.scenarios.dto.WorkloadDto.SkewDto;
import dev.oversold.scenarios.units.Format;
import dev.oversold.scenarios.units.Percent;
import org.jspecify.annotations.Nullable;

/**
 * A {@code skew} in scenario files: absent or {@code {}} is uniform; {@code {zipf: 0.9}}; or {@code
 * {hot-fraction: 20%, hot-share: 80%}}. Shared by a service's {@code working-set-skew} and its
 * {@code dataset.skew}.
 */
final class SkewBinding {
  private static final String FORMS = "{zipf: 0.9} or {hot-fraction: 20%, hot-share: 80%}";

  private SkewBinding() {}

  /** The skew {@code dto} describes, or null after reporting what is wrong at {@code path}. */
  static @Nullable Skew convert(@Nullable SkewDto dto, String path, Context context) {
    if (dto == null
        || (dto.zipf() == null && dto.hotFraction() == null && dto.hotShare() == null)) {
      return Skew.UNIFORM;
    }
    if (dto.zipf() != null) {
      if (dto.hotFraction() != null || dto.hotShare() != null) {
        context.error(path, "a skew is either zipf or a hot set, not both", "one of " + FORMS);
        return null;
      }
      double exponent = dto.zipf();
      if (!(exponent > 0 && exponent <= Skew.Zipf.MAX_EXPONENT)) {
        context.error(
            path + ".zipf",
            "the Zipf exponent must be above 0 and at most "
                + Format.plain(Skew.Zipf.MAX_EXPONENT)
                + " (0 would be uniform: leave the skew out)",
            "a number in (0, 4], e.g. 0.9 (web objects measure 0.6-0.9)");
        return null;
      }
      return new Skew.Zipf(exponent);
    }
    return hotSet(dto.hotFraction(), dto.hotShare(), path, context);
  }

  private static @Nullable Skew hotSet(
      @Nullable Percent fraction, @Nullable Percent share, String path, Context context) {
    if (fraction == null || share == null) {
      String missing = fraction == null ? "hot-fraction" : "hot-share";
      context.error(
          path,
          "a hot set needs both hot-fraction and hot-share; " + missing + " is missing",
          FORMS);
      return null;
    }
    double hot = fraction.value();
    if (!(hot > 0 && hot <= 1)) {
      context.error(
          path + ".hot-fraction",
          "the hot fraction must be above 0% and at most 100%",
          "a percentage in (0%, 100%], e.g. 20%");
      return null;
    }
    double accesses = share.value();
    if (!(accesses >= hot && accesses <= 1)) {
      context.error(
          path + ".hot-share",
          "the hot share must be at least the hot fraction ("
              + fraction.text()
              + ": a hot page is at least as likely as a cold one) and at most 100%",
          "a percentage in [" + fraction.text() + ", 100%], e.g. 80%");
      return null;
    }
    return new Skew.HotSet(hot, accesses);
  }

  /** The text that reads back as {@code skew}. */
  static String written(Skew skew) {
    if (skew instanceof Skew.Zipf zipf) {
      return "{zipf: " + Format.plain(zipf.exponent()) + "}";
    }
    if (skew instanceof Skew.HotSet hot) {
      return "{hot-fraction: "
          + Percent.ofFraction(hot.fraction()).text()
          + ", hot-share: "
          + Percent.ofFraction(hot.share()).text()
          + "}";
    }
    return "{}";
  }
}
