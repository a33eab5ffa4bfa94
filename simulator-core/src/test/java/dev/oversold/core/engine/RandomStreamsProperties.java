package dev.oversold.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class RandomStreamsProperties {
  @Provide
  Arbitrary<List<String>> tenantNames() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(8)
        .list()
        .ofMinSize(2)
        .ofMaxSize(10)
        .uniqueElements();
  }

  private static double[] draws(RandomStream stream, int count) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = stream.nextDouble();
    }
    return values;
  }

  @Property(tries = 200)
  void removingOneTenant_leavesEveryOtherTenantsDrawsUnchanged(
      @ForAll long seed, @ForAll("tenantNames") List<String> names) {
    // Scenario A draws for every tenant, interleaved; scenario B is the same without the first
    // tenant. The draws of the others must be identical bit for bit.
    RandomStreams withAll = new RandomStreams(seed);
    RandomStreams withoutFirst = new RandomStreams(seed);
    RandomStream[] all =
        names.stream().map(n -> withAll.stream(n, "arrivals")).toArray(RandomStream[]::new);
    RandomStream[] rest =
        names.stream()
            .skip(1)
            .map(n -> withoutFirst.stream(n, "arrivals"))
            .toArray(RandomStream[]::new);
    double[][] fromAll = new double[names.size()][20];
    double[][] fromRest = new double[names.size()][20];
    for (int k = 0; k < 20; k++) {
      for (int t = 0; t < names.size(); t++) {
        fromAll[t][k] = all[t].nextDouble();
      }
      for (int t = 1; t < names.size(); t++) {
        fromRest[t][k] = rest[t - 1].nextDouble();
      }
    }
    for (int t = 1; t < names.size(); t++) {
      assertArrayEquals(fromAll[t], fromRest[t], "tenant " + names.get(t));
    }
  }

  @Property(tries = 200)
  void sameNames_giveTheSameStream_otherPurposesDiffer(
      @ForAll long seed, @ForAll("tenantNames") List<String> names) {
    String name = names.get(0);
    double[] first = draws(new RandomStreams(seed).stream(name, "cpu"), 16);
    double[] again = draws(new RandomStreams(seed).stream(name, "cpu"), 16);
    double[] otherPurpose = draws(new RandomStreams(seed).stream(name, "arrivals"), 16);
    double[] otherTenant = draws(new RandomStreams(seed).stream(names.get(1), "cpu"), 16);
    assertArrayEquals(first, again);
    assertFalse(Arrays.equals(first, otherPurpose));
    assertFalse(Arrays.equals(first, otherTenant));
  }

  @Property(tries = 100)
  void nameBoundaries_doNotCollide(@ForAll long seed) {
    // ("ab", "c") and ("a", "bc") concatenate to the same text; length prefixes keep them apart.
    double[] left = draws(new RandomStreams(seed).stream("ab", "c"), 8);
    double[] right = draws(new RandomStreams(seed).stream("a", "bc"), 8);
    assertFalse(Arrays.equals(left, right));
  }
}
