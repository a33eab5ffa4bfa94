package dev.oversold.core.workload;

/** Kernel objects of the tenant: processes, open files, tracked connections. */
public interface ProcessAccess {
  /**
   * Creates a process holding {@code memoryBytes}; returns false if the process table (the tenant's
   * limit or the host's table) refused it.
   */
  boolean fork(long memoryBytes);

  /** Ends {@code count} processes created by {@link #fork}. */
  void exit(int count, long memoryBytesEach);

  /** Processes the tenant holds now. */
  int processes();

  /**
   * Opens {@code count} files all or nothing; false if the file table (numfile, the host's or the
   * guest's fs.file-max) refused them. Unlimited unless the platform models file tables.
   */
  default boolean openFiles(int count) {
    return true;
  }

  /** Closes {@code count} files opened by {@link #openFiles}. */
  default void closeFiles(int count) {}

  /**
   * Tracks {@code count} new connections all or nothing; false if the conntrack table is full (the
   * packets are dropped). Unlimited unless the platform models conntrack.
   */
  default boolean trackConnections(int count) {
    return true;
  }

  /** Forgets {@code count} tracked connections. */
  default void untrackConnections(int count) {}

  /**
   * Accepts a TCP connection whose answer is {@code responseBytes}: its socket and buffers are
   * charged to the tenant's beancounters (OpenVZ numtcpsock, kmemsize, tcprcvbuf, tcpsndbuf); false
   * when one refused it (the request is rejected). Unlimited unless the platform models them.
   */
  default boolean openConnection(long responseBytes) {
    return true;
  }

  /** Closes a connection accepted by {@link #openConnection} with the same size. */
  default void closeConnection(long responseBytes) {}

  /**
   * Opens the UDP socket a datagram service answers on (one per service): charged to OpenVZ's
   * numothersock and kmemsize, not numtcpsock; false when refused.
   */
  default boolean openDatagramSocket() {
    return true;
  }

  /** Closes the socket opened by {@link #openDatagramSocket}. */
  default void closeDatagramSocket() {}

  /**
   * A request datagram on the service's UDP socket and its answer of {@code responseBytes}: charged
   * to OpenVZ's dgramrcvbuf and othersockbuf while the request is served; false when refused (the
   * request is turned away, as a refused connection is).
   */
  default boolean queueDatagrams(long responseBytes) {
    return true;
  }

  /** Gives back what {@link #queueDatagrams} took for the same size. */
  default void dequeueDatagrams(long responseBytes) {}
}
