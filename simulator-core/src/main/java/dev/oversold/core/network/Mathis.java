package dev.oversold.core.network;

import com.google.common.base.Preconditions;

/**
 * Steady-state throughput of a TCP Reno flow that loses a fraction {@code p} of its segments
 * (Mathis, Semke, Mahdavi and Ott 1997): rate = MSS / RTT x C / sqrt(p), with C = sqrt(3/2) for
 * periodic loss and delayed ACKs off. Used where a bulk flow is kept fluid between packet events.
 */
public final class Mathis {
  /** sqrt(3/2): the sawtooth between W/2 and W averages 3W/4 over a period of W/2 round trips. */
  public static final double C = Math.sqrt(1.5);

  private Mathis() {}

  /** Bytes per second for segments of {@code mssBytes}, round trip {@code rttSeconds}, loss p. */
  public static double bytesPerSecond(int mssBytes, double rttSeconds, double lossRate) {
    Preconditions.checkArgument(mssBytes > 0, "MSS must be positive");
    Preconditions.checkArgument(rttSeconds > 0, "round trip must be positive");
    Preconditions.checkArgument(lossRate > 0 && lossRate < 1, "loss rate must be in (0, 1)");
    return mssBytes / rttSeconds * C / Math.sqrt(lossRate);
  }
}
