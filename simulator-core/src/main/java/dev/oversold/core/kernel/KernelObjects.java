package dev.oversold.core.kernel;

import dev.oversold.core.result.BeancounterFigures;
import java.util.List;

/** A tenant's view of the kernel objects it may allocate. */
public interface KernelObjects {
  /**
   * Allocates {@code count} objects of {@code kind} all or nothing; false when a limit refused them
   * (the tenant sees EAGAIN/EMFILE/a dropped connection), counted in the refusing table's failcnt.
   */
  boolean allocate(KernelObject kind, int count);

  /** Frees {@code count} objects of {@code kind} (at most what the tenant holds). */
  void release(KernelObject kind, int count);

  /** Objects of {@code kind} the tenant holds. */
  long held(KernelObject kind);

  /**
   * The table that limits the tenant for {@code kind}: its beancounter in a container, its guest
   * kernel's table in a VM.
   */
  KernelTable own(KernelObject kind);

  /**
   * Opens a TCP connection that will answer with {@code responseBytes}; false when a beancounter
   * (numtcpsock, kmemsize, tcprcvbuf, tcpsndbuf) refused it. Unlimited where the platform keeps no
   * per-tenant socket accounting (a guest kernel's sockets are the guest's own business).
   */
  default boolean openSocket(long responseBytes) {
    return true;
  }

  /** Closes a connection opened with {@link #openSocket} for the same {@code responseBytes}. */
  default void closeSocket(long responseBytes) {}

  /**
   * Opens a UDP socket; false when a beancounter (numothersock, kmemsize) refused it. Unlimited
   * where the platform keeps no per-tenant socket accounting.
   */
  default boolean openDatagramSocket() {
    return true;
  }

  /** Closes a socket opened with {@link #openDatagramSocket}. */
  default void closeDatagramSocket() {}

  /**
   * Queues a request datagram and its answer of {@code responseBytes} on a UDP socket; false when a
   * beancounter (dgramrcvbuf, othersockbuf) refused them.
   */
  default boolean queueDatagrams(long responseBytes) {
    return true;
  }

  /** Gives back what {@link #queueDatagrams} took for the same {@code responseBytes}. */
  default void dequeueDatagrams(long responseBytes) {}

  /**
   * Charges {@code bytes} of newly allocated memory to the tenant's allocation limit (OpenVZ
   * privvmpages); false (ENOMEM) when it refused them. Unlimited by default.
   */
  default boolean chargeAllocation(long bytes) {
    return true;
  }

  /** Gives back {@code bytes} charged by {@link #chargeAllocation}. */
  default void unchargeAllocation(long bytes) {}

  /**
   * The tenant's beancounters as /proc/user_beancounters shows them, for the report: OpenVZ
   * containers only, empty elsewhere.
   */
  default List<BeancounterFigures> beancounters() {
    return List.of();
  }
}
