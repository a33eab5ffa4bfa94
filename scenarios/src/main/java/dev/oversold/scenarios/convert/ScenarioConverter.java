package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.bind.Suggest;
import dev.oversold.scenarios.dto.HostDto;
import dev.oversold.scenarios.dto.PlanDto;
import dev.oversold.scenarios.dto.PlanRef;
import dev.oversold.scenarios.dto.ScenarioDto;
import dev.oversold.scenarios.dto.TenantDto;
import dev.oversold.scenarios.dto.WorkloadDto;
import dev.oversold.scenarios.tree.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a bound {@link ScenarioDto} into the core's immutable {@link Scenario}: resolves defaults,
 * references (hosts, plans), ranges and jobs files, and checks what no single key can: unique
 * names, warm-up within the run, and what each host can physically hold ({@link Feasibility}).
 */
public final class ScenarioConverter {
  private static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9-]{1,100}");

  private final Context context;
  private final WorkloadConverter workloads;

  private ScenarioConverter(Problems problems, Node root, Path baseDir) {
    this.context = new Context(problems, root, baseDir);
    this.workloads = new WorkloadConverter(context);
  }

  /** The scenario, or null when problems were found (they are in {@code problems}). */
  public static Scenario convert(ScenarioDto dto, Node root, Path baseDir, Problems problems) {
    return new ScenarioConverter(problems, root, baseDir).convert(dto);
  }

  private Scenario convert(ScenarioDto dto) {
    if (dto.version() != null && dto.version() != 1) {
      context.error("version", "version " + dto.version() + " is not supported", "1");
    }
    if (dto.scenario() != null && !SCENARIO_NAME.matcher(dto.scenario()).matches()) {
      context.error(
          "scenario",
          "name '" + dto.scenario() + "' is not valid",
          "lower-case letters, digits and dashes ([a-z0-9-]+)");
    }
    long duration = dto.duration() == null ? -1 : dto.duration().nanos();
    if (dto.duration() != null && duration <= 0) {
      context.error("duration", "the duration must be more than 0", "a duration such as 10m");
    }
    long warmup = dto.warmup() == null ? Defaults.WARMUP_NANOS : dto.warmup().nanos();
    if (duration > 0 && warmup >= duration) {
      context.error(
          "warmup",
          "the warm-up ("
              + SimDuration.ofNanos(warmup)
              + ") is not shorter than the duration ("
              + SimDuration.ofNanos(duration)
              + ")",
          "a warm-up shorter than the duration");
    }
    long sample =
        dto.sampleInterval() == null
            ? Defaults.sampleIntervalNanos(Math.max(duration, 1))
            : dto.sampleInterval().nanos();
    if (sample <= 0) {
      context.error(
          "sample-interval", "the sample interval must be more than 0", "a duration such as 1s");
    } else if (duration > 0 && sample > duration) {
      context.error(
          "sample-interval",
          "the sample interval is longer than the duration",
          "at most the duration");
    }
    RunLimits.checkSamples(duration, sample, context);
    List<HostSpec> hosts = hosts(dto.hosts());
    Map<String, String> definitions = new HashMap<>();
    List<TenantSpec> tenants = tenants(dto, definitions);
    ReportSettings report = report(dto.report(), tenants, duration);
    if (!context.problems.isEmpty() || hosts == null || tenants == null || report == null) {
      return null;
    }
    Feasibility.check(hosts, tenants, definitions, context);
    if (!context.problems.isEmpty()) {
      return null;
    }
    long seed = dto.seed() == null ? Defaults.SEED : dto.seed();
    return new Scenario(
        dto.scenario(),
        dto.description() == null ? "" : dto.description().strip(),
        seed,
        SimDuration.ofNanos(duration),
        SimDuration.ofNanos(warmup),
        SimDuration.ofNanos(sample),
        hosts,
        tenants,
        report);
  }

  private List<HostSpec> hosts(List<HostDto> dtos) {
    if (dtos == null) {
      return null;
    }
    if (dtos.isEmpty()) {
      context.error("hosts", "no hosts", "at least one host");
      return null;
    }
    List<HostSpec> hosts = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < dtos.size(); i++) {
      HostDto dto = dtos.get(i);
      String path = "hosts[" + i + "]";
      if (dto == null) {
        ok = false;
        continue;
      }
      if (dto.name() != null && seen.putIfAbsent(dto.name(), i) != null) {
        context.error(
            path + ".name",
            "duplicate host name '" + dto.name() + "' (also hosts[" + seen.get(dto.name()) + "])",
            "unique host names");
      }
      HostSpec host = HostConverter.convert(dto, path, context);
      if (host == null) {
        ok = false;
      } else {
        hosts.add(host);
      }
    }
    return ok ? hosts : null;
  }

  private List<TenantSpec> tenants(ScenarioDto dto, Map<String, String> firstDefinition) {
    List<TenantDto> dtos = dto.tenants();
    if (dtos == null) {
      return null;
    }
    if (dtos.isEmpty()) {
      context.error("tenants", "no tenants", "at least one tenant");
      return null;
    }
    Map<String, PlanDto> plans = dto.plans() == null ? Map.of() : dto.plans();
    List<String> hostNames =
        dto.hosts() == null
            ? List.of()
            : dto.hosts().stream()
                .filter(h -> h != null && h.name() != null)
                .map(HostDto::name)
                .toList();
    Map<String, PlatformKind> platformOf = new HashMap<>();
    if (dto.hosts() != null) {
      dto.hosts().stream()
          .filter(h -> h != null && h.name() != null && h.platform() != null)
          .forEach(h -> platformOf.putIfAbsent(h.name(), h.platform()));
    }
    // First pass: resolve hosts and the platforms each named plan is sold on.
    String[] hostOf = new String[dtos.size()];
    Map<String, Set<PlatformKind>> planPlatforms = new LinkedHashMap<>();
    plans.keySet().forEach(name -> planPlatforms.put(name, new LinkedHashSet<>()));
    for (int i = 0; i < dtos.size(); i++) {
      TenantDto tenant = dtos.get(i);
      if (tenant == null) {
        continue;
      }
      String path = "tenants[" + i + "]";
      String host = tenant.host();
      if (tenant.sharesGuest() != null) {
        // Its host is its guest's, resolved once every name is known (SharedGuests).
        continue;
      }
      if (host == null) {
        if (hostNames.size() == 1) {
          host = hostNames.get(0);
        } else if (hostNames.size() > 1) {
          context.error(
              path + ".host",
              "missing required key 'host' (the scenario has " + hostNames.size() + " hosts)",
              "one of: " + Suggest.list(hostNames));
        }
      } else if (!hostNames.contains(host)) {
        context.error(
            path + ".host",
            "unknown host '" + host + "'" + Suggest.hint(host, hostNames),
            "one of: " + Suggest.list(hostNames));
        host = null;
      }
      hostOf[i] = host;
      if (tenant.plan() instanceof PlanRef.Named named
          && host != null
          && platformOf.containsKey(host)) {
        Set<PlatformKind> used = planPlatforms.get(named.name());
        if (used != null) {
          used.add(platformOf.get(host));
        }
      }
    }
    Map<String, PlanSpec> converted = new HashMap<>();
    boolean plansOk = true;
    for (Map.Entry<String, PlanDto> plan : plans.entrySet()) {
      if (plan.getValue() == null) {
        plansOk = false;
        continue;
      }
      PlanSpec spec =
          PlanConverter.convert(
              plan.getKey(),
              plan.getValue(),
              "plans." + plan.getKey(),
              planPlatforms.get(plan.getKey()),
              context);
      if (spec == null) {
        plansOk = false;
      } else {
        converted.put(plan.getKey(), spec);
      }
    }
    // Second pass: expand names, resolve plans, convert workloads.
    List<List<TenantSpec>> defined = new ArrayList<>();
    List<SharedGuests.Sharing> sharing = new ArrayList<>();
    // names of definitions with a plan of their own, converted or not: a guest owner whose own
    // definition failed has had its error, and its sharers get no second one
    Set<String> withPlan = new LinkedHashSet<>();
    // definitions with a guest: key (a derived scenario's guest whose owner is left out)
    List<Integer> namedGuests = new ArrayList<>();
    boolean ok = plansOk;
    int budget = Defaults.MAX_TENANTS;
    for (int i = 0; i < dtos.size(); i++) {
      TenantDto tenant = dtos.get(i);
      String path = "tenants[" + i + "]";
      defined.add(new ArrayList<>());
      if (tenant == null || tenant.name() == null) {
        ok = false;
        continue;
      }
      String[] error = new String[1];
      List<String> names = TenantNames.expand(tenant.name(), budget, error);
      if (names == null) {
        context.error(
            path + ".name",
            error[0],
            "a name like web-{1..39}, at most " + Defaults.MAX_TENANTS + " tenants in all");
        ok = false;
        if (error[0].contains("more than")) {
          break;
        }
        continue;
      }
      budget -= names.size();
      for (String name : names) {
        if (!TenantNames.VALID.matcher(name).matches()) {
          context.error(
              path + ".name",
              "tenant name '" + name + "' is not valid",
              "letters, digits, '.', '_' and '-', starting with a letter or digit");
          ok = false;
          break;
        }
        String previous = firstDefinition.putIfAbsent(name, path);
        if (previous != null) {
          context.error(
              path + ".name",
              "duplicate tenant name '" + name + "' (also " + previous + ")",
              "unique tenant names");
          ok = false;
        }
      }
      if (tenant.sharesGuest() != null && tenant.guest() != null) {
        context.errorAtKey(
            path + ".guest",
            "a tenant that shares a guest runs in that guest",
            "shares-guest: " + tenant.sharesGuest() + " without guest");
        ok = false;
        continue;
      }
      if (tenant.sharesGuest() != null) {
        if (tenant.plan() != null) {
          context.errorAtKey(
              path + ".plan",
              "a tenant that shares a guest runs on that guest's plan",
              "shares-guest: " + tenant.sharesGuest() + " without plan");
          ok = false;
          continue;
        }
        sharing.add(new SharedGuests.Sharing(i, path, names, tenant));
        continue;
      }
      if (tenant.plan() == null) {
        context.problems.add(
            context.locate(path),
            path + ".plan",
            "missing required key 'plan'",
            "a plan name, or a plan written inline; or shares-guest: TENANT");
        ok = false;
        continue;
      }
      withPlan.addAll(names);
      PlanSpec plan =
          resolvePlan(tenant, path, names.get(0), converted, plans, hostOf[i], platformOf);
      if (plan == null || hostOf[i] == null || tenant.workload() == null) {
        ok = false;
        continue;
      }
      WorkloadSpec workload =
          workloads.convert(tenant.workload(), path + ".workload", plan.vcpus());
      if (workload == null) {
        ok = false;
        continue;
      }
      String jobsKey =
          tenant.workload() instanceof WorkloadDto.Batch batch && batch.jobsFile() != null
              ? "jobs-file"
              : "jobs";
      long duration = dto.duration() == null ? -1 : dto.duration().nanos();
      RunLimits.checkTimes(workload, path + ".workload", jobsKey, duration, context);
      boolean inline = tenant.plan() instanceof PlanDto;
      for (String name : names) {
        PlanSpec own = inline ? rename(plan, name) : plan;
        String guest = tenant.guest() == null ? name : tenant.guest();
        defined.get(i).add(new TenantSpec(name, hostOf[i], own, workload, guest));
      }
      if (tenant.guest() != null) {
        namedGuests.add(i);
      }
    }
    ok &= checkNamedGuests(context, namedGuests, defined, firstDefinition.keySet());
    // Third pass: tenants in another's guest take its host and plan.
    if (!sharing.isEmpty()) {
      long duration = dto.duration() == null ? -1 : dto.duration().nanos();
      ok &= new SharedGuests(context, workloads, duration).resolve(sharing, defined, withPlan);
    }
    List<TenantSpec> tenants = new ArrayList<>();
    defined.forEach(tenants::addAll);
    return ok ? tenants : null;
  }

  private PlanSpec resolvePlan(
      TenantDto tenant,
      String path,
      String firstName,
      Map<String, PlanSpec> converted,
      Map<String, PlanDto> plans,
      String host,
      Map<String, PlatformKind> platformOf) {
    if (tenant.plan() instanceof PlanRef.Named named) {
      if (!plans.containsKey(named.name())) {
        context.error(
            path + ".plan",
            "unknown plan '" + named.name() + "'" + Suggest.hint(named.name(), plans.keySet()),
            plans.isEmpty()
                ? "a plan defined under plans:, or a plan written inline"
                : "one of: " + Suggest.list(plans.keySet()));
        return null;
      }
      return converted.get(named.name());
    }
    if (tenant.plan() instanceof PlanDto inline) {
      List<PlatformKind> usedOn =
          host != null && platformOf.containsKey(host) ? List.of(platformOf.get(host)) : List.of();
      return PlanConverter.convert(firstName, inline, path + ".plan", usedOn, context);
    }
    return null;
  }

  private static PlanSpec rename(PlanSpec plan, String name) {
    return new PlanSpec(
        name,
        plan.vcpus(),
        plan.cpu(),
        plan.memory(),
        plan.disk(),
        plan.network(),
        plan.processLimit(),
        plan.nativeKnobs());
  }

  private ReportSettings report(
      ScenarioDto.ReportDto dto, List<TenantSpec> tenants, long duration) {
    if (dto == null) {
      return ReportSettings.DEFAULT;
    }
    ReportSettings.Baseline baseline =
        dto.baseline() == null ? ReportSettings.DEFAULT.baseline() : dto.baseline();
    ReportSettings.Interference interference =
        dto.interference() == null ? ReportSettings.DEFAULT.interference() : dto.interference();
    Map<String, String> groups =
        dto.groups() == null ? Map.of() : ReportGroups.check(dto.groups(), tenants, context);
    if (interference == ReportSettings.Interference.GROUPS
        && (dto.groups() == null || dto.groups().isEmpty())) {
      context.error(
          "report.interference",
          "interference by groups needs report.groups",
          "groups: {name: \"glob\"}, or interference: pairwise");
    }
    return new ReportSettings(
        baseline,
        interference,
        groups,
        dto.windows() == null ? List.of() : ReportWindows.check(dto.windows(), duration, context));
  }

  /**
   * {@code guest:} keys: a guest so named is no other tenant's own (that is {@code shares-guest}),
   * and every tenant in it has the same host and plan; false after reporting a problem.
   */
  private static boolean checkNamedGuests(
      Context context,
      List<Integer> namedGuests,
      List<List<TenantSpec>> defined,
      Set<String> tenantNames) {
    boolean ok = true;
    Map<String, TenantSpec> firstInGuest = new HashMap<>();
    for (List<TenantSpec> list : defined) {
      for (TenantSpec t : list) {
        firstInGuest.putIfAbsent(t.guest(), t);
      }
    }
    for (int i : namedGuests) {
      List<TenantSpec> tenants = defined.get(i);
      if (tenants.isEmpty()) {
        continue;
      }
      String key = "tenants[" + i + "].guest";
      String guest = tenants.get(0).guest();
      boolean own = tenants.stream().anyMatch(t -> t.name().equals(guest));
      if (!TenantNames.VALID.matcher(guest).matches()) {
        context.error(
            key,
            "guest name '" + guest + "' is not valid",
            "letters, digits, '.', '_' and '-', starting with a letter or digit");
        ok = false;
      } else if (!own && tenantNames.contains(guest)) {
        context.error(
            key,
            "'" + guest + "' is a tenant, whose guest is its own",
            "shares-guest: " + guest + " without plan, or a name no tenant has");
        ok = false;
      } else {
        TenantSpec first = firstInGuest.get(guest);
        if (!first.host().equals(tenants.get(0).host())
            || !first.plan().equals(tenants.get(0).plan())) {
          context.error(
              key,
              "guest '"
                  + guest
                  + "' is also "
                  + first.name()
                  + "'s, on host '"
                  + first.host()
                  + "' with plan '"
                  + first.plan().name()
                  + "'",
              "the same host and plan for every tenant in one guest");
          ok = false;
        }
      }
    }
    return ok;
  }
}
