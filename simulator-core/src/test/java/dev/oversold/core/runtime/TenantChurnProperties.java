package dev.oversold.core.runtime;

import static dev.oversold.core.fixtures.Scenarios.hog;
import static dev.oversold.core.fixtures.Scenarios.host;
import static dev.oversold.core.fixtures.Scenarios.plan;

import dev.oversold.core.engine.Invariants;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful: tenants arrive, leave and change their CPU limits at random while the clock runs; the
 * CPU pool's invariants hold after every step, on every platform.
 */
final class TenantChurnProperties {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double EPS = 1e-9;

  /** One host and the tenants on it that are still there. */
  static final class HostUnderChurn {
    final Simulation simulation = new Simulation();
    final HostRuntime host;
    final List<Live> live = new ArrayList<>();
    int nextId;

    HostUnderChurn(PlatformKind platform, int cores) {
      host =
          new HostRuntime(
              host("h", platform, cores, 1.0, Map.of("cpu-wakeup-delay", 1.0)), simulation);
    }

    @Override
    public String toString() {
      return host.spec().platform() + " x" + host.spec().cpu().cores() + " " + live;
    }
  }

  record Live(TenantRuntime tenant, int threads, double limit) {
    @Override
    public String toString() {
      return tenant.name() + "(threads=" + threads + ", limit=" + limit + ")";
    }
  }

  record NewTenant(int vcpus, int threads, double weight, double limit, double reservation) {}

  @Provide
  Arbitrary<ActionChain<HostUnderChurn>> churn() {
    Arbitrary<PlatformKind> platforms = Arbitraries.of(Platforms.kinds());
    Arbitrary<Integer> cores = Arbitraries.integers().between(1, 4);
    return Combinators.combine(platforms, cores)
        .as((p, c) -> p.id() + ":" + c)
        .flatMap(
            key -> {
              PlatformKind platform = Platforms.byId(key.split(":", -1)[0]).orElseThrow();
              int cores1 = Integer.parseInt(key.split(":", -1)[1]);
              return ActionChain.<HostUnderChurn>startWith(
                      () -> new HostUnderChurn(platform, cores1))
                  .withAction(3, new Arrive())
                  .withAction(1, new Leave())
                  .withAction(2, new ChangeLimit())
                  .withAction(3, new Advance())
                  .withMaxTransformations(40);
            });
  }

  @Property(tries = 60)
  void cpuInvariantsHoldThroughChurn(@ForAll("churn") ActionChain<HostUnderChurn> chain) {
    chain.withInvariant("cpu pool", TenantChurnProperties::checkCpu).run();
  }

  static void checkCpu(HostUnderChurn state) {
    var pool = state.host.cpu();
    pool.checkInvariants();
    double capacity = pool.capacity();
    double total = pool.allocated();
    boolean someoneWantsMore = false;
    for (Live live : state.live) {
      var cpu = live.tenant().tenantCpu();
      var share = cpu.share();
      double allocation = share.allocation();
      Invariants.check(
          allocation <= share.parallelLimit() * share.perJobMaxRate() + EPS,
          "%s above its vCPUs: %s",
          live,
          allocation);
      var throttle = cpu.throttle();
      if (throttle == null) {
        // a continuous cap (ESXi limit, or none); a per-period quota may burst within its period
        Invariants.check(
            allocation <= live.limit() + EPS, "%s above its limit: %s", live, allocation);
      } else {
        Invariants.check(
            Math.abs(throttle.limit() - live.limit()) < 1e-9,
            "%s quota %s/s is not its limit",
            live,
            throttle.limit());
        Invariants.check(
            throttle.usedInPeriod() <= throttle.quota() + 1e-6 || throttle.isThrottled(),
            "%s used %s of a %s quota",
            live,
            throttle.usedInPeriod(),
            throttle.quota());
        Invariants.check(
            !throttle.isThrottled() || allocation == 0, "%s runs while throttled", live);
      }
      boolean throttled = throttle != null && throttle.isThrottled();
      if (!throttled && allocation < share.ceiling() - 1e-6) {
        someoneWantsMore = true;
      }
    }
    if (someoneWantsMore) {
      Invariants.check(
          total >= capacity - 1e-6,
          "work not conserved: %s of %s allocated while a tenant waits (%s)",
          total,
          capacity,
          state);
    }
  }

  static final class Arrive implements Action.Independent<HostUnderChurn> {
    @Override
    public Arbitrary<Transformer<HostUnderChurn>> transformer() {
      Arbitrary<Double> limits =
          Arbitraries.oneOf(
              Arbitraries.just(INF), Arbitraries.doubles().between(0.1, 3.0).ofScale(2));
      return Combinators.combine(
              Arbitraries.integers().between(1, 4),
              Arbitraries.integers().between(1, 4),
              Arbitraries.of(0.5, 1.0, 2.0),
              limits,
              Arbitraries.of(0.0, 0.2, 0.5))
          .as(NewTenant::new)
          .map(t -> Transformer.mutate("arrive " + t, state -> arrive(state, t)));
    }
  }

  static void arrive(HostUnderChurn state, NewTenant t) {
    String name = "t" + state.nextId++;
    var spec = hog(name, "h", plan(t.vcpus(), t.weight(), t.limit(), t.reservation()), t.threads());
    var tenant = new TenantRuntime(spec, state.host, new RandomStreams(7), 0);
    state.host.add(tenant);
    for (int i = 0; i < t.threads(); i++) {
      tenant.cpu().run(1e6, job -> {});
    }
    double speed = state.host.spec().cpu().speed();
    double effectiveLimit = t.limit();
    state.live.add(new Live(tenant, t.threads(), Math.min(effectiveLimit, t.vcpus() * speed)));
  }

  static final class Leave implements Action.Independent<HostUnderChurn> {
    @Override
    public boolean precondition(HostUnderChurn state) {
      return !state.live.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<HostUnderChurn>> transformer() {
      return Arbitraries.integers()
          .between(0, 1000)
          .map(
              i ->
                  Transformer.mutate(
                      "leave #" + i,
                      state -> {
                        Live gone = state.live.remove(i % state.live.size());
                        gone.tenant().tenantCpu().shutdown();
                      }));
    }
  }

  static final class ChangeLimit implements Action.Independent<HostUnderChurn> {
    @Override
    public boolean precondition(HostUnderChurn state) {
      return !state.live.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<HostUnderChurn>> transformer() {
      Arbitrary<Double> limits =
          Arbitraries.oneOf(
              Arbitraries.just(INF), Arbitraries.doubles().between(0.1, 3.0).ofScale(2));
      return Combinators.combine(Arbitraries.integers().between(0, 1000), limits)
          .as(
              (i, limit) ->
                  Transformer.mutate(
                      "limit #" + i + " -> " + limit,
                      state -> {
                        int index = i % state.live.size();
                        Live old = state.live.get(index);
                        old.tenant().tenantCpu().setLimit(limit);
                        var share = old.tenant().cpuShare();
                        double cores =
                            Math.min(limit, share.parallelLimit() * share.perJobMaxRate());
                        state.live.set(index, new Live(old.tenant(), old.threads(), cores));
                      }));
    }
  }

  static final class Advance implements Action.Independent<HostUnderChurn> {
    @Override
    public Arbitrary<Transformer<HostUnderChurn>> transformer() {
      return Arbitraries.longs()
          .between(1, 1500)
          .map(
              ms ->
                  Transformer.mutate(
                      "advance " + ms + "ms",
                      state ->
                          state.simulation.runUntil(
                              state.simulation.now() + ms * SimTime.MILLISECOND)));
    }
  }
}
