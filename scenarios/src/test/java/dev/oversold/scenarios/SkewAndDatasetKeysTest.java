package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oversold.core.model.Skew;
import dev.oversold.core.model.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service's working-set-skew, its dataset and the request's file-reads. */
final class SkewAndDatasetKeysTest {
  /** The minimal file with {@code serviceKeys} added to the service and the request replaced. */
  private static String service(String request, String serviceKeys) {
    return ScenarioLoaderTest.MINIMAL.replace(
        "      request: { cpu: 4ms }\n",
        "      request: " + request + "\n" + serviceKeys.indent(6).stripTrailing() + "\n");
  }

  private static WorkloadSpec.Service parsed(String request, String serviceKeys)
      throws ScenarioException {
    return (WorkloadSpec.Service)
        ScenarioLoaderTest.parse(service(request, serviceKeys)).tenants().get(0).workload();
  }

  @Test
  void oldFiles_touchUniformlyAndHaveNoDataset() throws ScenarioException {
    WorkloadSpec.Service service = parsed("{ cpu: 4ms, disk-reads: 1 }", "");
    assertEquals(Skew.UNIFORM, service.workingSetSkew());
    assertNull(service.dataset());
    assertEquals(0, service.request().fileReads());
    assertEquals(1, service.request().diskReads());
  }

  @Test
  void zipfAndHotSet_areRead() throws ScenarioException {
    WorkloadSpec.Service service =
        parsed(
            "{ cpu: 4ms, file-reads: 2.5 }",
            """
            working-set: 256MiB
            working-set-skew: { zipf: 0.9 }
            dataset: { size: 2GiB, skew: { hot-fraction: 20%, hot-share: 80% } }""");
    assertEquals(new Skew.Zipf(0.9), service.workingSetSkew());
    assertEquals(
        new WorkloadSpec.DatasetSpec(2L << 30, new Skew.HotSet(0.2, 0.8)), service.dataset());
    assertEquals(2.5, service.request().fileReads());
  }

  @Test
  void aDatasetWithoutSkew_isUniform() throws ScenarioException {
    assertEquals(
        new WorkloadSpec.DatasetSpec(1L << 20, Skew.UNIFORM),
        parsed("{ cpu: 4ms, file-reads: 1 }", "dataset: { size: 1MiB }").dataset());
  }

  @Test
  void fileReadsWithoutADataset_sayWhatToAdd() {
    assertEquals(
        List.of(
            "s.yaml:18:40: tenants[0].workload.request.file-reads: file reads need a dataset to"
                + " read from (expected a service `dataset: {size: 2GiB}` (add `skew` for popular"
                + " pages), or `disk-reads` for reads that always reach the disk)"),
        ScenarioLoaderTest.problems(service("{ cpu: 4ms, file-reads: 1 }", "")));
  }

  @Test
  void aHotFractionOutsideZeroToOne_isRefusedWhereItIs() {
    for (String fraction : List.of("0%", "120%")) {
      assertEquals(
          List.of(
              "s.yaml:19:41: tenants[0].workload.working-set-skew.hot-fraction: the hot fraction"
                  + " must be above 0% and at most 100% (expected a percentage in (0%, 100%],"
                  + " e.g. 20%)"),
          ScenarioLoaderTest.problems(
              service(
                  "{ cpu: 4ms }",
                  "working-set-skew: { hot-fraction: " + fraction + ", hot-share: 50% }")),
          fraction);
    }
  }

  @Test
  void aHotShareBelowItsFraction_orAHalfHotSet_isRefused() {
    assertEquals(
        List.of(
            "s.yaml:19:57: tenants[0].workload.working-set-skew.hot-share: the hot share must be"
                + " at least the hot fraction (50%: a hot page is at least as likely as a cold"
                + " one) and at most 100% (expected a percentage in [50%, 100%], e.g. 80%)"),
        ScenarioLoaderTest.problems(
            service("{ cpu: 4ms }", "working-set-skew: { hot-fraction: 50%, hot-share: 30% }")));
    assertEquals(
        List.of(
            "s.yaml:19:25: tenants[0].workload.working-set-skew: a hot set needs both hot-fraction"
                + " and hot-share; hot-share is missing (expected {zipf: 0.9} or {hot-fraction:"
                + " 20%, hot-share: 80%})"),
        ScenarioLoaderTest.problems(
            service("{ cpu: 4ms }", "working-set-skew: { hot-fraction: 20% }")));
  }

  @Test
  void aZipfExponentOfZeroOrBoth_areRefused() {
    assertEquals(
        List.of(
            "s.yaml:19:33: tenants[0].workload.working-set-skew.zipf: the Zipf exponent must be"
                + " above 0 and at most 4 (0 would be uniform: leave the skew out) (expected a"
                + " number in (0, 4], e.g. 0.9 (web objects measure 0.6-0.9))"),
        ScenarioLoaderTest.problems(service("{ cpu: 4ms }", "working-set-skew: { zipf: 0 }")));
    assertEquals(
        List.of(
            "s.yaml:19:25: tenants[0].workload.working-set-skew: a skew is either zipf or a hot"
                + " set, not both (expected one of {zipf: 0.9} or {hot-fraction: 20%, hot-share:"
                + " 80%})"),
        ScenarioLoaderTest.problems(
            service("{ cpu: 4ms }", "working-set-skew: { zipf: 1, hot-fraction: 20% }")));
  }

  @Test
  void anEmptyDataset_isRefusedWhereItIs() {
    List<String> problems =
        ScenarioLoaderTest.problems(
            service("{ cpu: 4ms, file-reads: 1 }", "dataset: { size: 1KiB }"));
    assertEquals(
        List.of(
            "s.yaml:19:24: tenants[0].workload.dataset.size: a dataset holds at least one 4 KiB"
                + " page (expected a size of at least 4KiB, e.g. 2GiB)"),
        problems);
  }
}
