package dev.oversold.scenarios.dto;

/** One tenant definition; a name with {@code {a..b}} defines several. */
@Doc("A VPS: a container or VM with a plan, on a host, running a workload.")
public record TenantDto(
    @Required
        @Doc(
            "Unique name; {a..b} in it (web-{1..39}) defines one tenant per number, at most"
                + " 10000 in a scenario.")
        String name,
    @Doc(value = "Name of the host it runs on.", byDefault = "the only host, when there is one")
        String host,
    @Required @Doc("A plan name, or a plan written inline.") PlanRef plan,
    @Required @Doc("What runs inside the VPS.") WorkloadDto workload) {}
