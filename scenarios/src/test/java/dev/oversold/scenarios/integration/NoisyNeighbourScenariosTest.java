package dev.oversold.scenarios.integration;

import static dev.oversold.scenarios.integration.Figures.failed;
import static dev.oversold.scenarios.integration.Figures.goodPerSecond;
import static dev.oversold.scenarios.integration.Figures.hostSwappedBytes;
import static dev.oversold.scenarios.integration.Figures.line;
import static dev.oversold.scenarios.integration.Figures.majorFaults;
import static dev.oversold.scenarios.integration.Figures.meanLatency;
import static dev.oversold.scenarios.integration.Figures.meanP99;
import static dev.oversold.scenarios.integration.Figures.runWithout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader.Override;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The claims of the bundled noisy-neighbour scenarios (one bully from 20 s next to twenty web VPSes
 * and a batch VPS on an 8-core OpenVZ node), each checked against the same scenario without the
 * bully: with common random numbers the difference is the bully's interference. The runs are the
 * scenarios' full 2 minutes (window 10..120 s), each well under a second of wall time.
 */
final class NoisyNeighbourScenariosTest {
  private static final double MIB = 1024.0 * 1024.0;

  @Test
  void openvzNoisyNeighbour_vSwapThrottlesTheBombButGlobalReclaimMakesTheVictimsFault()
      throws ScenarioException {
    Scenario scenario = ScenarioLibrary.load("openvz-noisy-neighbour", List.of());
    SimulationResult shared = Simulator.run(scenario);
    SimulationResult quiet = runWithout(scenario, "bully");
    String figures = line("shared", shared, "web-") + "; " + line("quiet", quiet, "web-");
    // Without the bully the webs' 20 x 600 MiB working sets fit in the node's RAM: no host swap,
    // no fault. With it, the bomb holds 4 GiB of RAM plus its vSwap pages, which stay in RAM too
    // (about 3 GiB by the end, see below): 12 GiB + 7 GiB > 16 GiB - 0.5 GiB reserved, so the
    // kernel's global reclaim swaps to the real swap and the webs' touches fault.
    assertEquals(0, hostSwappedBytes(quiet), figures);
    assertEquals(0, majorFaults(quiet, "web-"), figures);
    assertTrue(hostSwappedBytes(shared) > 0, figures);
    assertTrue(majorFaults(shared, "web-") > 0, figures);
    // Each fault is a read on the node's disk inside the request. Re-derived for the block device
    // (the old "at least 2x the p99" read a 5x measured on the fluid disk, with no derivation): the
    // device derived from 2000 IOPS and 3 ms has round(2000 x 3 ms) = 6 units positioning 3 ms
    // each, and a 4 KiB read crosses the 300 MB/s channel in 13,654 ns: at least 3.0137 ms per
    // fault even on an idle device. The webs' faults per request, f = faults / (good responses/s
    // x 110 s), raise the mean latency by at least f x 3.0137 ms (more with queueing at the
    // device behind the bomb's swap-out), and the tail grows.
    double perRequest = majorFaults(shared, "web-") / (goodPerSecond(shared, "web-") * 110);
    double grown = meanLatency(shared, "web-") - meanLatency(quiet, "web-");
    assertTrue(grown >= perRequest * 3.0137, figures + "; faults per request " + perRequest);
    assertTrue(meanP99(shared, "web-") > meanP99(quiet, "web-"), figures);
    // The bomb asks for 200 MiB/s from 20 s. Without reclaim stalls its first 4 GiB (physpages)
    // take 20.48 s; past physpages every 4 KiB page costs the 100 us vSwap delay, at most 4 KiB /
    // 100 us = 39.06 MiB/s, for the remaining 120 - 40.48 = 79.52 s: 3106 MiB. 4096 + 3106 =
    // 7202 MiB over the 110 s window: 68.65 MB/s, the ceiling. Since reclaim takes time (issue 15),
    // once the node is short the bomb is the allocating task in direct reclaim and also waits for
    // the swap-out writes of the pages its allocation displaced (sequential writes on the host's
    // swap queue of the block device, which the webs' fault reads share): it must run clearly
    // below that ceiling (the exact figure depends on when the webs' file cache and working sets
    // fill the node, not derived by hand).
    TenantMetrics bully = shared.tenant("bully").metrics();
    double ceiling = (4096 + 39.0625 * 79.52) * MIB / 110;
    assertTrue(bully.progressPerSecond() < 0.95 * ceiling, bully.toString());
    // Floor: even if every page it allocated from 20 s paid one page of writes alone on the
    // device (100 + 107.4 us past physpages, 107.4 us before), 4096 MiB would take 4096 / 36.4 =
    // 112.6 s > 100 s: at least 36.4 MiB/s x 100 s / 110 s = 33.1 MiB/s; contention with the webs'
    // reads may slow it further, so the floor asserted is half of that.
    assertTrue(bully.progressPerSecond() > 0.5 * 33.1 * MIB, bully.toString());
    assertEquals(0, bully.refusals(), bully.toString());
    assertEquals(0, bully.oomKills(), bully.toString());
  }

  @Test
  void openvzNoisyNeighbour_onKvmTheWebsFitBeforeTheBombAndLeanKvmSuffersMore()
      throws ScenarioException {
    Override kvm = new Override("hosts[0].platform", "kvm");
    Scenario openvz = ScenarioLibrary.load("openvz-noisy-neighbour", List.of());
    // KVM's defaults (issue 15) keep 0.5 + 16 / 64 = 0.75 GiB for the host and back 88 MiB of
    // QEMU per 1-vCPU VM from the start: 0.75 + 22 x 0.086 + 20 x 0.6 GiB of web working sets
    // (+ page tables) = 14.7 GiB < 16 GiB before the bomb starts: the webs serve as on OpenVZ,
    // with no host swap. (The old flat 4 GiB + 0.5 GiB per VM made 27 GiB: every request timed
    // out before any bomb, the phantom pressure of issue 15.)
    SimulationResult kvmQuiet =
        runWithout(
            ScenarioLibrary.load(
                "openvz-noisy-neighbour", List.of(kvm, new Override("duration", "40s"))),
            "bully");
    double openvzQuietGood = goodPerSecond(runWithout(openvz, "bully"), "web-");
    assertTrue(
        goodPerSecond(kvmQuiet, "web-") > 0.95 * openvzQuietGood,
        line("kvm quiet", kvmQuiet, "web-") + " vs openvz " + openvzQuietGood);
    assertEquals(0, hostSwappedBytes(kvmQuiet), line("kvm quiet", kvmQuiet, "web-"));
    // Lean KVM (0.5 GiB host reserve, 64 MiB per VM) fits the webs (4 + 0.5 + 1.4 + 11.7 GiB with
    // the bomb's 4 GiB of guest RAM is 17.6 GiB > 16 GiB only once the bomb runs): the host then
    // swaps every VM's frames in proportion to their size, behind the guests' backs, and the
    // webs' faults go to the disk; OpenVZ swaps the bomb's own vSwap pages first. The webs lose
    // more good responses to the bully on lean KVM than on OpenVZ. (The margin of 0.2 this used
    // to ask was read off the fluid disk, 0.78 vs about 0.5, not derived; with faults queueing on
    // the block device and reclaim that stalls, OpenVZ's webs lose 0.61 and KVM's 0.78: the
    // ordering is the claim, the size of the gap is not derived and not asserted.)
    Scenario leanKvm =
        ScenarioLibrary.load(
            "openvz-noisy-neighbour",
            List.of(
                kvm,
                new Override("hosts[0].options.host-reserved", "512MiB"),
                new Override("hosts[0].options.vm-overhead", "64MiB")));
    double kvmLoss = goodLoss(leanKvm);
    double openvzLoss = goodLoss(openvz);
    assertTrue(kvmLoss > openvzLoss, "loss kvm " + kvmLoss + " vs openvz " + openvzLoss);
  }

  /** The fraction of the webs' good responses the bully costs them. */
  private static double goodLoss(Scenario scenario) {
    double quiet = goodPerSecond(runWithout(scenario, "bully"), "web-");
    return 1 - goodPerSecond(Simulator.run(scenario), "web-") / quiet;
  }

  @Test
  void noisyForkBomb_numprocRefusesTheBombAndTheVictimsKeepServing() throws ScenarioException {
    Scenario scenario = ScenarioLibrary.load("noisy-fork-bomb", List.of());
    SimulationResult shared = Simulator.run(scenario);
    SimulationResult quiet = runWithout(scenario, "bully");
    TenantMetrics bully = shared.tenant("bully").metrics();
    // numproc 1024 at 200 forks/s is reached 5.12 s after the start (20 s); every later fork,
    // 200/s until 120 s, is refused: 200 x (120 - 25.12) = 18976. 1024 x 2 MiB = 2 GiB stays
    // inside its 4 GiB of RAM, so memory never kills it.
    assertEquals(18_976, bully.refusals(), 0.01 * 18_976, bully.toString());
    assertEquals(0, bully.oomKills(), bully.toString());
    // The 1024 forks over the 110 s window.
    assertEquals(1024 / 110.0, bully.progressPerSecond(), 1e-6, bully.toString());
    // Refused at its own beancounter, the bomb takes nothing the webs use: they serve as without
    // it.
    String figures = line("shared", shared, "web-") + "; " + line("quiet", quiet, "web-");
    assertEquals(0, failed(shared, "web-"), figures);
    assertEquals(goodPerSecond(quiet, "web-"), goodPerSecond(shared, "web-"), 1e-9, figures);
    assertEquals(meanP99(quiet, "web-"), meanP99(shared, "web-"), 0.01 * meanP99(quiet, "web-"));
  }

  @Test
  void noisyDiskHog_takesTheDeviceButFairSharingKeepsTheReadersQuick() throws ScenarioException {
    Scenario scenario = ScenarioLibrary.load("noisy-disk-hog", List.of());
    SimulationResult shared = Simulator.run(scenario);
    SimulationResult quiet = runWithout(scenario, "bully");
    String figures = line("shared", shared, "web-") + "; " + line("quiet", quiet, "web-");
    // The hog writes from 20 s: into the page cache, then at the flusher's pace, the device's
    // 500 MB/s: at least 90% of 500 MB/s over its 100 of the 110 s window.
    TenantMetrics bully = shared.tenant("bully").metrics();
    assertTrue(bully.progressPerSecond() > 0.9 * 500e6 * 100 / 110, bully.toString());
    // Re-derived for the block device (the old +5 % bound encoded the fluid disk's rate sharing).
    // The device: 2 units positioning 100 us in parallel, one 500 MB/s channel. The flusher's 4
    // MiB chunks are split at 512 KiB: D = 524,288 B / 500 MB/s = 1,048,576 ns on the channel,
    // and cfq keeps one async request in the device while reads complete. A web's first read of
    // a request arrives at a random instant: its queue is seeky (no idle window on 32 tags), so it
    // preempts and is dispatched at once, positions for p = 100 us, then waits for what is left of
    // the chunk on the channel, E[max(0, R - p)] = (D - p)^2 / (2 D) = 0.4291 ms for R uniform on
    // [0, D], when a chunk is on the channel: a fraction u of the time, the hog's bytes over the
    // channel's rate. Its second read comes as the first completes, before the flusher's next
    // chunk is dispatched, and waits for nothing. So a request's mean latency grows by
    // (100 / 110) x u x 0.4291 ms over the window (the hog runs 100 of its 110 s); within +-40 %
    // for the uniform-residual approximation and the rare chunks that do sit ahead of a second
    // read.
    double u = bully.progressPerSecond() * 110 / 100 / 500e6;
    double d = 524_288 / 500e6 * 1e3;
    double extra = 100.0 / 110 * u * (d - 0.1) * (d - 0.1) / (2 * d);
    double grown = meanLatency(shared, "web-") - meanLatency(quiet, "web-");
    assertEquals(extra, grown, 0.4 * extra, figures + "; expected +" + extra + " ms");
    // The tail: a request's reads wait for at most one chunk each.
    assertTrue(meanP99(shared, "web-") <= meanP99(quiet, "web-") + 2 * d, figures);
    assertEquals(goodPerSecond(quiet, "web-"), goodPerSecond(shared, "web-"), 1e-9, figures);
  }

  @Test
  void noisyNetFlood_getsItsRateWhileTheShapedWebsKeepTheirLatency() throws ScenarioException {
    Scenario scenario = ScenarioLibrary.load("noisy-net-flood", List.of());
    SimulationResult shared = Simulator.run(scenario);
    SimulationResult quiet = runWithout(scenario, "bully");
    String figures = line("shared", shared, "web-") + "; " + line("quiet", quiet, "web-");
    // 800 Mbit/s = 100 MB/s from 20 s: 100 of the 110 s window. The webs send 20 x 20/s x 20 KiB
    // = 65.5 Mbit/s: 866 Mbit/s fit in the 1 Gbit/s port, so the flood is not cut. Its rate is
    // of 1,500 B IP packets and its progress counts their data, 1,472 B each (IPv4 20 B and UDP
    // 8 B less).
    TenantMetrics bully = shared.tenant("bully").metrics();
    assertEquals(
        100e6 * 100 / 110 * 1472 / 1500, bully.progressPerSecond(), 0.01 * 100e6, bully.toString());
    // Each web has its own 100 Mbit/s HTB class and the port has room: nothing of theirs is
    // dropped. A response crosses the NIC's ring the flood keeps filled (256 frames x 1,538 B x 8
    // ns = 3.15 ms) once per flight: on OpenVZ's 2.6.32 kernel a 20 KiB response (15 MTU
    // packets) slow-starts from 3 MSS in three flights (3, 6, 6), so its tail grows by at most 3
    // rings. No request fails, but one finishing later may finish after the measurement window
    // closes and not count in it: at most one per web (20 of them) in the 110 s window.
    double ring = 256 * 1538 * 8e-6;
    assertTrue(meanP99(shared, "web-") <= meanP99(quiet, "web-") + 3 * ring, figures);
    assertTrue(meanP99(shared, "web-") >= 0.98 * meanP99(quiet, "web-"), figures);
    assertEquals(0, failed(shared, "web-"), figures);
    assertEquals(goodPerSecond(quiet, "web-"), goodPerSecond(shared, "web-"), 20 / 110.0, figures);
  }
}
