package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Grid order and point folder names, written out by hand. */
final class SweepGridTest {
  @Test
  void firstAxisVariesSlowest_andNamesJoinEveryAxis() {
    List<SweepPoint> points =
        SweepGrid.points(
            List.of(
                SweepAxis.ofSet("hosts[0].cpu.cores=1,2"),
                SweepAxis.ofSet("tenants[web].count=10,20")));
    assertEquals(
        List.of(
            "cores-1_web.count-10",
            "cores-1_web.count-20",
            "cores-2_web.count-10",
            "cores-2_web.count-20"),
        points.stream().map(SweepPoint::name).toList());
    assertEquals(List.of("2", "10"), points.get(2).labels());
    assertEquals(2, points.get(2).overrides().size());
  }

  @Test
  void unsafeCharacters_becomeDashes_andRepeatsGetANumber() {
    List<SweepPoint> points =
        SweepGrid.points(List.of(SweepAxis.ofSet("hosts[0].memory.ram=1 GiB,1/GiB,2GiB")));
    assertEquals(
        List.of("ram-1-GiB", "ram-1-GiB-2", "ram-2GiB"),
        points.stream().map(SweepPoint::name).toList());
  }
}
