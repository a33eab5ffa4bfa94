package dev.oversold.core.workload;

/** The tenant's network interface. */
public interface NetworkAccess {
  /** Sends {@code bytes}; {@code done} runs when the last byte has left and crossed the link. */
  void send(long bytes, Runnable done);

  /** Receives {@code bytes}; {@code done} runs when they have arrived. */
  void receive(long bytes, Runnable done);

  /**
   * Sends {@code bytes} as packets of {@code packetBytes}; per-packet costs (host CPU in vhost,
   * netback, the shared kernel stack) count packets of that size. {@link #send(long, Runnable)}
   * uses 1500-byte packets.
   */
  default void send(long bytes, long packetBytes, Runnable done) {
    send(bytes, done);
  }

  /** Receives {@code bytes} as packets of {@code packetBytes}. */
  default void receive(long bytes, long packetBytes, Runnable done) {
    receive(bytes, done);
  }
}
