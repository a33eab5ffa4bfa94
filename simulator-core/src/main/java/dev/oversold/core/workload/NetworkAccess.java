package dev.oversold.core.workload;

/** The tenant's network interface. */
public interface NetworkAccess {
  /** Sends {@code bytes}; {@code done} runs when the last byte has left and crossed the link. */
  void send(long bytes, Runnable done);

  /** Receives {@code bytes}; {@code done} runs when they have arrived. */
  void receive(long bytes, Runnable done);
}
