package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.Distribution;
import dev.oversold.scenarios.dto.ArrivalsDto;
import dev.oversold.scenarios.units.Format;
import java.util.List;
import java.util.StringJoiner;

/** A service's arrival process in scenario files, both ways. */
final class ArrivalsBinding {
  private ArrivalsBinding() {}

  /** The arrival process, or null after reporting why not. */
  static ArrivalSpec convert(ArrivalsDto dto, String path, Context context) {
    if (dto instanceof ArrivalsDto.Poisson poisson) {
      if (poisson.rate() == null) {
        return null;
      }
      if (!(poisson.rate().value() > 0)) {
        context.error(path + ".rate", "the rate must be more than 0", "e.g. 20/s");
        return null;
      }
      return new ArrivalSpec.Poisson(poisson.rate().value());
    }
    if (dto instanceof ArrivalsDto.OnOff onOff) {
      if (onOff.rateOn() == null || onOff.meanOn() == null || onOff.meanOff() == null) {
        return null;
      }
      double on = onOff.rateOn().value();
      double off = onOff.rateOff() == null ? Defaults.ON_OFF_RATE_OFF : onOff.rateOff().value();
      boolean ok = true;
      if (!(on + off > 0)) {
        context.error(path + ".rate-on", "rate-on and rate-off are both 0", "a rate > 0");
        ok = false;
      }
      if (onOff.meanOn().nanos() <= 0) {
        context.error(path + ".mean-on", "mean-on must be more than 0", "a duration > 0");
        ok = false;
      }
      if (onOff.meanOff().nanos() <= 0) {
        context.error(path + ".mean-off", "mean-off must be more than 0", "a duration > 0");
        ok = false;
      }
      return ok
          ? new ArrivalSpec.OnOff(
              on,
              off,
              SimDuration.ofNanos(onOff.meanOn().nanos()),
              SimDuration.ofNanos(onOff.meanOff().nanos()))
          : null;
    }
    if (dto instanceof ArrivalsDto.Periodic periodic) {
      return periodic(periodic, path, context);
    }
    if (dto instanceof ArrivalsDto.Closed closed) {
      Distribution think =
          Distributions.seconds(closed.thinkTime(), path + ".think-time", context, false);
      if (closed.clients() == null || think == null) {
        return null;
      }
      if (closed.clients() < 1) {
        context.error(path + ".clients", "clients must be at least 1", "a whole number >= 1");
        return null;
      }
      return new ArrivalSpec.Closed(closed.clients(), think);
    }
    throw new IllegalStateException("unknown " + dto);
  }

  private static ArrivalSpec periodic(ArrivalsDto.Periodic dto, String path, Context context) {
    if (dto.rate() == null || dto.profile() == null) {
      return null;
    }
    boolean ok = true;
    if (!(dto.rate().value() > 0)) {
      context.error(path + ".rate", "the rate must be more than 0", "e.g. 20/s");
      ok = false;
    }
    List<Double> profile = dto.profile();
    if (profile.isEmpty()) {
      context.error(path + ".profile", "the profile is empty", "multipliers such as [0.5, 1, 2]");
      ok = false;
    }
    for (int i = 0; i < profile.size(); i++) {
      Double value = profile.get(i);
      if (value == null) {
        ok = false;
      } else if (!(value >= 0 && value < 1e6)) {
        context.error(
            path + ".profile[" + i + "]",
            "multiplier " + value + " out of range",
            "0 <= value < 1000000");
        ok = false;
      }
    }
    long period = dto.period() == null ? Defaults.PERIODIC_PERIOD_NANOS : dto.period().nanos();
    if (ok && period < profile.size()) {
      context.error(
          path + ".period",
          "the period is too short for " + profile.size() + " slots",
          "a longer period");
      ok = false;
    }
    return ok
        ? new ArrivalSpec.Periodic(dto.rate().value(), profile, SimDuration.ofNanos(period))
        : null;
  }

  /** The arrival process as a YAML flow mapping that converts back to it. */
  static String written(ArrivalSpec arrivals) {
    if (arrivals instanceof ArrivalSpec.Poisson poisson) {
      return "{process: poisson, rate: " + Format.rate(poisson.ratePerSecond()) + "}";
    }
    if (arrivals instanceof ArrivalSpec.OnOff onOff) {
      return "{process: on-off, rate-on: "
          + Format.rate(onOff.onRatePerSecond())
          + ", rate-off: "
          + Format.rate(onOff.offRatePerSecond())
          + ", mean-on: "
          + Format.duration(onOff.meanOn().nanos())
          + ", mean-off: "
          + Format.duration(onOff.meanOff().nanos())
          + "}";
    }
    if (arrivals instanceof ArrivalSpec.Periodic periodic) {
      StringJoiner profile = new StringJoiner(", ", "[", "]");
      periodic.profile().forEach(value -> profile.add(Format.plain(value)));
      return "{process: periodic, rate: "
          + Format.rate(periodic.ratePerSecond())
          + ", profile: "
          + profile
          + ", period: "
          + Format.duration(periodic.period().nanos())
          + "}";
    }
    ArrivalSpec.Closed closed = (ArrivalSpec.Closed) arrivals;
    return "{process: closed, clients: "
        + closed.clients()
        + ", think-time: "
        + Distributions.written(closed.thinkTimeSeconds())
        + "}";
  }
}
