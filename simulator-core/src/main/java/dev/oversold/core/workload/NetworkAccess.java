package dev.oversold.core.workload;

import dev.oversold.core.model.WorkloadSpec;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/** The tenant's network interface. */
public interface NetworkAccess {
  /**
   * Sends {@code bytes} of data over TCP (its headers are added on the wire); {@code done} runs
   * when the last byte has left and crossed the link.
   */
  void send(long bytes, Runnable done);

  /**
   * The server's side of one TCP connection that carries responses one after another (HTTP/1.1
   * keep-alive): its congestion window lasts from one response to the next.
   */
  interface ResponseConnection {
    /**
     * Sends a response of {@code bytes}; {@code done} runs when its last byte has left and crossed
     * the link.
     */
    void send(long bytes, Runnable done);
  }

  /**
   * Opens a connection for responses (see {@link ResponseConnection}); by default each response
   * goes as {@link #send(long, Runnable)}, as on a new connection.
   */
  default ResponseConnection openResponses() {
    return this::send;
  }

  /** Receives {@code bytes}; {@code done} runs when they have arrived. */
  void receive(long bytes, Runnable done);

  /**
   * Sends {@code bytes} as a stream of packets of {@code packetBytes} (no segmentation offload):
   * per-packet costs (host CPU in vhost, netback, the shared kernel stack) count packets of that
   * size. {@link #send(long, Runnable)} sends a TCP stream in 64 KiB GSO segments.
   */
  default void send(long bytes, long packetBytes, Runnable done) {
    send(bytes, done);
  }

  /** Receives {@code bytes} as packets of {@code packetBytes}. */
  default void receive(long bytes, long packetBytes, Runnable done) {
    receive(bytes, done);
  }

  /**
   * Sends {@code packets} datagrams (UDP) whose IP packets are {@code packetBytes} each, the 28
   * bytes of IP and UDP headers included (a 1,500 B packet carries 1,472 B of data; a larger one is
   * cut into IP fragments): a dropped one is lost, not sent again. {@code delivered} gets how many
   * arrived, once each has arrived or been dropped.
   */
  default void sendDatagrams(long packets, int packetBytes, LongConsumer delivered) {
    send(packets * packetBytes, packetBytes, () -> delivered.accept(packets));
  }

  /**
   * As {@link #sendDatagrams(long, int, LongConsumer)}, and {@code released} runs once the sender's
   * socket has let go of every packet (each has passed the point where the platform frees it from
   * the socket's send buffer, or was dropped before it): from then on the sender may send more
   * whatever happens to these packets later. By default that is when they are delivered.
   */
  default void sendDatagrams(
      long packets, int packetBytes, Runnable released, LongConsumer delivered) {
    sendDatagrams(
        packets,
        packetBytes,
        n -> {
          released.run();
          delivered.accept(n);
        });
  }

  /** Receives {@code packets} datagrams of {@code packetBytes} each; as {@link #sendDatagrams}. */
  default void receiveDatagrams(long packets, int packetBytes, LongConsumer delivered) {
    receive(packets * packetBytes, packetBytes, () -> delivered.accept(packets));
  }

  /** A bulk TCP connection out of the tenant: bytes written go out under its congestion window. */
  interface Connection {
    /** The application writes {@code bytes} more. */
    void write(long bytes);

    /** Bytes written and not yet sent: the socket's queue in front of the window. */
    long unsentBytes();
  }

  /**
   * Opens a bulk TCP connection sending segments of {@code segmentBytes} (no segmentation offload,
   * as a flood of MTU segments) under {@code congestion} (null: the platform kernel's default);
   * {@code acknowledged} gets the bytes of each batch acknowledged. By default each write goes as a
   * stream and counts once it is through.
   */
  default Connection connect(
      int segmentBytes,
      WorkloadSpec.@Nullable CongestionControl congestion,
      LongConsumer acknowledged) {
    return new Connection() {
      private long unsent;

      @Override
      public void write(long bytes) {
        unsent += bytes;
        send(
            bytes,
            segmentBytes,
            () -> {
              unsent -= bytes;
              acknowledged.accept(bytes);
            });
      }

      @Override
      public long unsentBytes() {
        return unsent;
      }
    };
  }
}
