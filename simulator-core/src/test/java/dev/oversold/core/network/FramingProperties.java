package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For any framing, data size and batch: the data counted is the data handed in; every frame's IP
 * packet fits the MTU and the packet takes no more frames than it needs; the wire carries at least
 * the data, the headers and Ethernet's 38 B for every frame.
 */
final class FramingProperties {
  @Property(tries = 500)
  void headersAddUp(
      @ForAll Framing framing,
      @ForAll @IntRange(min = 1, max = 65_507) int data,
      @ForAll @IntRange(min = 1, max = 64) int packets,
      @ForAll @IntRange(min = 576, max = 9000) int mtu) {
    Frame frame = new Frame(new Flow("f"), framing, data, packets, f -> {});
    assertEquals((long) data * packets, frame.bytes(), "data delivered");

    int frames = framing.frames(data, mtu);
    long ip = framing.ipBytes(data, mtu);
    assertEquals(data + framing.onceBytes() + (long) framing.headerBytes() * frames, ip);
    assertTrue(ip <= (long) frames * mtu, "every frame's IP packet fits the MTU");
    assertTrue(
        frames == 1 || data + framing.onceBytes() > (long) (frames - 1) * framing.dataPerFrame(mtu),
        "no frame more than needed");

    long wire = frame.wireBytes(mtu);
    assertTrue(
        wire >= packets * (ip + (long) Frame.WIRE_OVERHEAD_BYTES * frames),
        "wire bytes >= data + headers + Ethernet's overhead");
    // Padding only ever fills the last frame up to Ethernet's minimum.
    assertTrue(
        wire
            <= packets * (ip + (long) Frame.WIRE_OVERHEAD_BYTES * frames + Frame.MIN_PAYLOAD_BYTES),
        "padding is at most one minimum payload");
  }
}
