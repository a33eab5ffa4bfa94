package dev.oversold.scenarios.dto;

import dev.oversold.scenarios.units.Rate;
import dev.oversold.scenarios.units.TimeSpan;
import java.util.List;

/** How requests arrive at a service. */
@Doc("How requests arrive at a service.")
@Discriminator("process")
// permits fixes the order of the schema and of error messages; inferred, it follows javac's
// order of meeting the classes.
public sealed interface ArrivalsDto
    permits ArrivalsDto.Periodic, ArrivalsDto.Poisson, ArrivalsDto.OnOff, ArrivalsDto.Closed {
  /** Open Poisson arrivals. */
  @TypeName("poisson")
  @Doc("Open Poisson arrivals at a mean rate.")
  record Poisson(@Required @Doc("Mean arrival rate.") Rate rate) implements ArrivalsDto {}

  /** Markov-modulated on/off. */
  @TypeName("on-off")
  @Doc("Bursty Poisson arrivals alternating between an on and an off state (exponential holds).")
  record OnOff(
      @Required @Doc("Rate while on.") Rate rateOn,
      @Doc(value = "Rate while off.", byDefault = "0/s") Rate rateOff,
      @Required @Doc("Mean time in the on state.") TimeSpan meanOn,
      @Required @Doc("Mean time in the off state.") TimeSpan meanOff)
      implements ArrivalsDto {}

  /** A daily (or other) pattern. */
  @TypeName("periodic")
  @Doc("Poisson arrivals whose rate follows a repeating profile (24 values = hours of a day).")
  record Periodic(
      @Required @Doc("Rate at profile value 1.0.") Rate rate,
      @Required @Doc("Multipliers of the rate, one per equal slot of the period.")
          List<Double> profile,
      @Doc(value = "Length of one repetition of the profile.", byDefault = "24h") TimeSpan period)
      implements ArrivalsDto {}

  /** A closed loop of clients. */
  @TypeName("closed")
  @Doc("A closed loop: clients that each wait for the response, think, then ask again.")
  record Closed(
      @Required @Doc("Number of clients.") Integer clients,
      @Required @Doc("Think time between a response and the next request.")
          TimeDistribution thinkTime)
      implements ArrivalsDto {}
}
