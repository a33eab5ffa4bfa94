package dev.oversold.core.kernel;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import java.util.List;

/**
 * OpenVZ native plan knobs for the beancounters beyond numproc and numfile. A counter's own key
 * sets its barrier and, unless its {@code -limit} key is also given, its limit (vzctl's single
 * value form {@code --kmemsize N} sets both [R vzctl(8)]). Every one is unlimited by default, as
 * vSwap container configs ship them (/proc/user_beancounters shows 9223372036854775807 for
 * kmemsize, privvmpages, numtcpsock, tcpsndbuf and tcprcvbuf of a vSwap container [R, published
 * /proc/user_beancounters listings]); a pre-vSwap container's listing shows, for example, kmemsize
 * 14372700:14790164 [R], which we believe is the ve-vps.basic sample config's value [M].
 */
public final class BeancounterKnobs {
  private BeancounterKnobs() {}

  /** Largest byte value a scenario may give (an exabyte: far past any host). */
  static final double MAX_BYTES = 1e18;

  public static final Knob KMEMSIZE =
      bytes(
          "kmemsize",
          "UBC kmemsize barrier: kernel memory of processes (40 KiB each), files and"
              + " TCP sockets [R wiki UBC_secondary_parameters]; default unlimited as vSwap ships");

  public static final Knob KMEMSIZE_LIMIT =
      bytes("kmemsize-limit", "UBC kmemsize limit (default: the barrier) [R vzctl(8)]");

  public static final Knob PRIVVMPAGES =
      bytes(
          "privvmpages",
          "UBC privvmpages barrier, as a size: memory the container may allocate, resident or"
              + " not; an allocation past it fails with ENOMEM [R wiki UBC_secondary_parameters];"
              + " default unlimited as vSwap ships (Plesk KB 123671: (physpages + swappages) x"
              + " vm_overcommit when vm_overcommit is set)");

  public static final Knob PRIVVMPAGES_LIMIT =
      bytes("privvmpages-limit", "UBC privvmpages limit (default: the barrier) [R vzctl(8)]");

  public static final Knob NUMTCPSOCK =
      new Knob(
          "numtcpsock",
          KnobKind.COUNT,
          Double.NaN,
          0,
          1e9,
          "UBC numtcpsock: TCP sockets of the container, barrier = limit as the wiki advises"
              + " (one per service connection) [R wiki UBC_primary_parameters]; default unlimited");

  public static final Knob TCPSNDBUF =
      bytes(
          "tcpsndbuf",
          "UBC tcpsndbuf barrier: TCP send buffer bytes (a connection holds its response, at most"
              + " 16 KiB) [R wiki UBC_secondary_parameters]; default unlimited");

  public static final Knob TCPSNDBUF_LIMIT =
      bytes(
          "tcpsndbuf-limit",
          "UBC tcpsndbuf limit (default: the barrier); the gap holds each connection's first 2.5"
              + " KiB [R wiki UBC_consistency_check]");

  public static final Knob TCPRCVBUF =
      bytes(
          "tcprcvbuf",
          "UBC tcprcvbuf barrier: TCP receive buffer bytes (2.5 KiB per connection) [R wiki"
              + " UBC_secondary_parameters]; default unlimited");

  public static final Knob TCPRCVBUF_LIMIT =
      bytes("tcprcvbuf-limit", "UBC tcprcvbuf limit (default: the barrier) [R vzctl(8)]");

  /** The knobs, in /proc/user_beancounters order. */
  public static final List<Knob> ALL =
      List.of(
          KMEMSIZE,
          KMEMSIZE_LIMIT,
          PRIVVMPAGES,
          PRIVVMPAGES_LIMIT,
          NUMTCPSOCK,
          TCPSNDBUF,
          TCPSNDBUF_LIMIT,
          TCPRCVBUF,
          TCPRCVBUF_LIMIT);

  /** Each counter's barrier and limit knob; the limit must not be below the barrier. */
  public static final List<BarrierLimit> PAIRS =
      List.of(
          new BarrierLimit(KMEMSIZE, KMEMSIZE_LIMIT),
          new BarrierLimit(PRIVVMPAGES, PRIVVMPAGES_LIMIT),
          new BarrierLimit(TCPSNDBUF, TCPSNDBUF_LIMIT),
          new BarrierLimit(TCPRCVBUF, TCPRCVBUF_LIMIT));

  private static Knob bytes(String key, String description) {
    return new Knob(key, KnobKind.BYTES, Double.NaN, 0, MAX_BYTES, description);
  }
}
