package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The handover's decision and command line, as pure functions. Every expected list is written out
 * by hand from the rule in {@link Handover}'s documentation: drop {@code -XX:TieredStopAtLevel=1},
 * replace {@code -Doversold.handover=...} by its words in place, keep everything else in order.
 */
final class HandoverTest {
  private static final String TIERED =
      "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000";

  @Test
  void decision_fromTheThresholdOn() {
    double t = Handover.THRESHOLD_EVENTS;
    assertTrue(Handover.worthIt(t, t), "at the threshold");
    assertTrue(Handover.worthIt(Math.nextUp(t), t), "just above");
    assertTrue(Handover.worthIt(10 * t, t));
    assertFalse(Handover.worthIt(Math.nextDown(t), t), "just below");
    assertFalse(Handover.worthIt(t / 10, t));
    assertFalse(Handover.worthIt(0, t));
  }

  @Test
  void decision_withAnotherThreshold() {
    assertTrue(Handover.worthIt(0, 0), "a zero threshold hands over every run");
    assertTrue(Handover.worthIt(1e6, 1e6));
    assertFalse(Handover.worthIt(999_999, 1e6));
    assertFalse(Handover.worthIt(1e300, Double.POSITIVE_INFINITY), "an infinite one none");
  }

  /**
   * The CloudSim Plus peer's workload events (one simulation, so its longest), by hand: 1,000
   * tenants x 10 batch jobs x 8 events a job ({@code CostModel.EVENTS_PER_REQUEST}) = 8.0e4 on bare
   * metal (no page faults); its run is the short kind that C1 alone serves best
   * (docs/performance.md, peer2), so it stays.
   */
  @Test
  void thePeer_staysUnderC1() {
    assertFalse(Handover.worthIt(1_000 * 10 * 8, Handover.THRESHOLD_EVENTS));
  }

  @Test
  void jvmOptions_dropC1_replaceProperty_keepTheRestInOrder() {
    List<String> own =
        List.of(
            "-Xlog:disable",
            "-XX:TieredStopAtLevel=1",
            "-Doversold.handover=" + TIERED,
            "-XX:+UseParallelGC",
            "-XX:SharedArchiveFile=/r/report-cli/target/oversold-java17.jsa",
            "-Xmx2g",
            "-Doversold.handover.events=5");
    assertEquals(
        List.of(
            "-Xlog:disable",
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:+UseParallelGC",
            "-XX:SharedArchiveFile=/r/report-cli/target/oversold-java17.jsa",
            "-Xmx2g",
            "-Doversold.handover.events=5"),
        Handover.jvmOptions(own, TIERED));
  }

  @Test
  void jvmOptions_extraSpacesAndAnEmptyPropertyAddNoEmptyWord() {
    assertEquals(
        List.of("-XX:A=1", "-XX:B=2", "-Dx=y"),
        Handover.jvmOptions(
            List.of("-XX:TieredStopAtLevel=1", "-Doversold.handover=  -XX:A=1   -XX:B=2 ", "-Dx=y"),
            "  -XX:A=1   -XX:B=2 "));
    assertEquals(
        List.of("-Dx=y"), Handover.jvmOptions(List.of("-Doversold.handover=", "-Dx=y"), ""));
  }

  @Test
  void jvmOptions_aUsersOtherTieredStopAtLevelIsKept() {
    // only the launcher's exact C1-only option is dropped; the launcher never asks for a handover
    // when the user names a JIT, so another level can only be the user's, and stays
    assertEquals(
        List.of("-XX:TieredStopAtLevel=3"),
        Handover.jvmOptions(List.of("-XX:TieredStopAtLevel=3"), TIERED));
  }

  @Test
  void command_startedWithJar_runsTheJarWithTheSameArguments() {
    String jar = "/r/report-cli/target/oversold.jar";
    List<String> args =
        List.of("run", "my file.yaml", "--set", "duration=40m", "--out", "o u t", "--format=json");
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-Xlog:disable",
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:+UseParallelGC",
            "-jar",
            jar,
            "run",
            "my file.yaml",
            "--set",
            "duration=40m",
            "--out",
            "o u t",
            "--format=json"),
        Handover.command(
            "/jdk/bin/java",
            List.of(
                "-Xlog:disable",
                "-XX:TieredStopAtLevel=1",
                "-Doversold.handover=" + TIERED,
                "-XX:+UseParallelGC"),
            TIERED,
            jar,
            jar + " run my file.yaml --set duration=40m --out o u t --format=json",
            args));
  }

  @Test
  void command_startedWithAClassPath_namesTheMainClass() {
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-cp",
            "a.jar:classes",
            "dev.oversold.cli.OversoldCommand",
            "sweep",
            "x"),
        Handover.command(
            "/jdk/bin/java",
            List.of("-XX:TieredStopAtLevel=1", "-Doversold.handover=" + TIERED),
            TIERED,
            "a.jar:classes",
            "dev.oversold.cli.OversoldCommand sweep x",
            List.of("sweep", "x")));
  }

  @Test
  void command_aCommandThatOnlyStartsLikeTheJar_isNotTheJar() {
    List<String> command =
        Handover.command("java", List.of(), "", "x.jar", "x.jarz run", List.of("run"));
    assertEquals(
        List.of("java", "-cp", "x.jar", "dev.oversold.cli.OversoldCommand", "run"), command);
  }
}
