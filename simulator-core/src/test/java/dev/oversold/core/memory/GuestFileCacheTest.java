package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.memory.MemoryModels.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GuestFileCacheTest {
  /**
   * A KVM guest (160 MiB) touches 128 MiB and frees 64 MiB: 16,384 free frames the host still backs
   * (plus 32 page-table pages). A second guest's 160 MiB leaves the 256 MiB host 8,336 pages short;
   * the host swaps frames blindly, some of them the first guest's free ones, and the writes take a
   * second. While they are in flight the host has no free frame, so the first guest's cache can
   * grow only into its free frames in RAM that are not under writeback: taking back one under
   * writeback undoes the host's reclaim of it, and unbacked guest RAM needs a host frame. Before
   * the fix room() counted the frames under writeback too.
   */
  @Test
  void room_whileTheHostWritesAGuestsFreeFrames_isOnlyItsFramesNotUnderWriteback() {
    Simulation simulation = new Simulation();
    MemoryIo slowWrites =
        new MemoryIo() {
          @Override
          public void faultReads(long pages, Runnable done) {
            done.run();
          }

          @Override
          public void swapWrites(long pages, boolean hostSwap, Runnable written) {
            simulation.scheduleAfter(1_000_000_000L, written);
          }
        };
    HostMemory host =
        MemoryModels.host(
            simulation,
            Platform.KVM,
            256,
            256,
            List.of(new long[] {160, 64, 0}, new long[] {256, 64, 0}),
            slowWrites);
    TenantMemory guest = host.tenants().get(0);
    guest.allocate(128 * MemoryModels.MIB);
    guest.free(64 * MemoryModels.MIB);
    host.tenants().get(1).allocate(160 * MemoryModels.MIB);
    // the premises: the host has no free frame, and some of the guest's free frames are being
    // written out (which ones is a draw, so the count is read, not fixed)
    assertTrue(host.freePages() <= 0, "host free pages " + host.freePages());
    assertEquals(16_416, guest.freeBacked);
    assertEquals(0, guest.hostSwappedFree);
    assertTrue(guest.wbFree > 0 && guest.wbFree < guest.freeBacked, "wbFree " + guest.wbFree);
    assertEquals(16_416 - guest.wbFree, guest.fileCacheRoomPages());
  }
}
