package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A response's TCP sender ({@link TcpSender#response}) on a path that is a pure delay line: every
 * frame is delivered {@link #PATH_NANOS} after it is sent (no wire time, no queue), and its ACK
 * reaches the sender {@link #ACK_NANOS} after that, so a round trip is 3 ms. Segments are 1,000 B
 * of IP packet (MSS 1,000), Reno. Expected instants are derived by hand in each test's comment.
 */
final class TcpResponseTest {
  private static final long MS = 1_000_000L;
  private static final long PATH_NANOS = MS;
  private static final long ACK_NANOS = 2 * MS;
  private static final int SEGMENT = 1000;

  /** A delay line that drops the packets the test names (by index of the frame sent, from 0). */
  private static final class DelayLine implements Consumer<Frame> {
    final Simulation simulation;
    final List<Long> sentAt = new ArrayList<>();
    final List<Long> sentBytes = new ArrayList<>();
    int[] dropLastPacketOfFrame = {};
    int[] dropWholeFrame = {};

    DelayLine(Simulation simulation) {
      this.simulation = simulation;
    }

    @Override
    public void accept(Frame frame) {
      int index = sentAt.size();
      sentAt.add(simulation.now());
      sentBytes.add(frame.bytes());
      for (int i : dropWholeFrame) {
        if (i == index) {
          frame.drop();
          return;
        }
      }
      for (int i : dropLastPacketOfFrame) {
        if (i == index) {
          frame.take(1).drop(); // the batch's tail, as a full FIFO cuts it
        }
      }
      simulation.scheduleAfter(PATH_NANOS, frame::deliver);
    }
  }

  private static TcpSender sender(Simulation simulation, DelayLine path, int initialSegments) {
    return TcpSender.response(
        simulation,
        new Flow("web"),
        Framing.IP,
        SEGMENT,
        SEGMENT,
        initialSegments,
        4L << 20,
        ACK_NANOS,
        path,
        CongestionControl.reno());
  }

  private static long respond(Simulation simulation, TcpSender sender, long bytes) {
    long[] doneAt = {-1};
    sender.write(bytes);
    sender.close(() -> doneAt[0] = simulation.now());
    simulation.runUntil(10_000 * MS);
    return doneAt[0];
  }

  @Test
  void aResponseOfTenSegmentsNeedsThreeFlightsFromAnInitialWindowOfThree() {
    // 9,500 B: 9 full segments and a 500 B tail. IW 3 (2.6.18): 3 at 0; delivered at 1 ms, ACKed
    // at 3 ms: slow start 3 + 3 = 6, so 6 at 3 ms; ACKed at 6 ms: window 12, the tail at 6 ms,
    // delivered at 7 ms (nothing left to send, so no ACK event). Done at 7 ms.
    Simulation simulation = new Simulation();
    DelayLine path = new DelayLine(simulation);
    long done = respond(simulation, sender(simulation, path, 3), 9_500);
    assertEquals(7 * MS, done);
    assertEquals(List.of(0L, 3 * MS, 6 * MS), path.sentAt);
    assertEquals(List.of(3_000L, 6_000L, 500L), path.sentBytes);
  }

  @Test
  void aResponseThatFitsTheInitialWindowLeavesAtOnceInTwoFrames() {
    // IW 10: 9 full segments as one batch and the tail, both at 0, delivered at 1 ms: done.
    Simulation simulation = new Simulation();
    DelayLine path = new DelayLine(simulation);
    long done = respond(simulation, sender(simulation, path, 10), 9_500);
    assertEquals(MS, done);
    assertEquals(List.of(0L, 0L), path.sentAt);
  }

  @Test
  void aMiddleDropIsSentAgainByFastRetransmitAboutOneRoundTripLater() {
    // 12,500 B, IW 3. At 0: 3 segments, the 3rd dropped. 2 delivered at 1 ms, ACKed at 3 ms:
    // window 3 + 2 = 5, in flight 1 (the lost one): 4 more at 3 ms. They are delivered at 4 ms
    // and ACKed at 6 ms: 4,000 B above the loss > (3 - 1) x 1,000 (RFC 6675 IsLost), so it is
    // sent again at once; Reno: ssthresh = window / 2 = 2.5 MSS, window 2,500. That ACK then
    // counts in congestion avoidance: 2.5 + 4 / 2.5 = 4.1 MSS, in flight 1,000 (the resend):
    // 3 full at 6 ms (5,500 B were unsent, 2,500 remain). At 7 ms the resend and those 3 arrive,
    // ACKed at 9 ms: the resend's first (4.1 + 1 / 4.1 = 4.3439 MSS, in flight 3,000: one more
    // full segment), then the 3's (4.3439 + 3 / 4.3439 = 5.0345, in flight 1,000: the last
    // full one and the 500 B tail). Delivered at 10 ms: done. The RTO would have taken 200 ms.
    Simulation simulation = new Simulation();
    DelayLine path = new DelayLine(simulation);
    path.dropLastPacketOfFrame = new int[] {0};
    TcpSender sender = sender(simulation, path, 3);
    long done = respond(simulation, sender, 12_500);
    assertEquals(10 * MS, done);
    assertEquals(List.of(0L, 3 * MS, 6 * MS, 6 * MS, 9 * MS, 9 * MS, 9 * MS), path.sentAt);
    assertEquals(List.of(3_000L, 4_000L, 1_000L, 3_000L, 1_000L, 1_000L, 500L), path.sentBytes);
    assertEquals(1, sender.segmentsLost());
    assertEquals(1, sender.reductions());
  }

  @Test
  void aTailDropWaitsForTheRetransmissionTimeout() {
    // IW 10: 9 full at 0 and the 500 B tail, which is dropped. Nothing is sent after it, so no
    // SACK marks it lost: it goes again at the RTO, 200 ms after the drop, and arrives at 201 ms.
    Simulation simulation = new Simulation();
    DelayLine path = new DelayLine(simulation);
    path.dropWholeFrame = new int[] {1};
    long done = respond(simulation, sender(simulation, path, 10), 9_500);
    assertEquals(201 * MS, done);
    assertEquals(List.of(0L, 0L, 200 * MS), path.sentAt);
    assertEquals(List.of(9_000L, 500L, 500L), path.sentBytes);
  }

  @Test
  void aSecondResponseOnTheConnectionStartsFromTheWindowTheFirstLeft() {
    // The first 9,500 B from IW 3 as above: done at 7 ms, the window 3 + 3 + 6 = 12 MSS from the
    // ACKs at 3 and 6 ms, plus the tail's 500 B whose ACK is not simulated (nothing was left to
    // send) and counts at the next write: 12,500 B. The client's next request makes the server
    // write again at 8 ms, idle 2 ms since the last send (6 ms), under the RTO: no restart. So
    // the second 9,500 B go at once, 9 full segments and the tail (room 3,500 B: 3 whole MSS),
    // delivered at 9 ms. A new connection would take three flights again (done at 15 ms).
    Simulation simulation = new Simulation();
    DelayLine path = new DelayLine(simulation);
    TcpSender sender = sender(simulation, path, 3);
    long[] doneAt = {-1, -1};
    sender.write(9_500);
    sender.close(() -> doneAt[0] = simulation.now());
    simulation.runUntil(8 * MS);
    sender.write(9_500);
    assertEquals(12_500.0, sender.windowBytes(), 1e-9);
    sender.close(() -> doneAt[1] = simulation.now());
    simulation.runUntil(100 * MS);
    assertEquals(7 * MS, doneAt[0]);
    assertEquals(9 * MS, doneAt[1]);
    assertEquals(List.of(0L, 3 * MS, 6 * MS, 8 * MS, 8 * MS), path.sentAt);
    assertEquals(List.of(3_000L, 6_000L, 500L, 9_000L, 500L), path.sentBytes);
  }

  @Test
  void aConnectionIdleLongerThanItsRtoRestartsItsWindow() {
    // The first response (9,500 B, IW 3) grows the window to 12 MSS: +3 at 3 ms, +6 at 6 ms; the
    // tail's 500 B ACK, not simulated, counts at the next write: 12,500 B. Its last segment left
    // at 6 ms. A write 300 ms later has been idle 1.5 RTO: tcp_cwnd_restart halves once per whole
    // RTO passed (300 - 200 > 0, then 100 - 200 <= 0): 6,250 B. 100 ms later, idle less than one
    // RTO: unchanged, 12,500 B.
    for (long idle : new long[] {300, 100}) {
      Simulation simulation = new Simulation();
      DelayLine path = new DelayLine(simulation);
      TcpSender sender = sender(simulation, path, 3);
      sender.write(9_500);
      sender.close(() -> {});
      simulation.runUntil(6 * MS + idle * MS);
      assertEquals(12_000.0, sender.windowBytes(), 1e-9);
      sender.write(100_000);
      assertEquals(idle == 300 ? 6_250.0 : 12_500.0, sender.windowBytes(), 1e-9, "idle " + idle);
    }
  }
}
