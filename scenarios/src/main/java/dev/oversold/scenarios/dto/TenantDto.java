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
    @Doc(
            value =
                "A plan name, or a plan written inline. Required unless the tenant shares a"
                    + " guest.")
        PlanRef plan,
    @Key("shares-guest")
        @Doc(
            "Run in another tenant's guest (container or VM) instead of one of its own: the name"
                + " of a tenant with a plan, on the same host. The tenants share the guest's"
                + " vCPUs, memory, page cache, disk queue and vNIC; each keeps its own workload"
                + " and report row. Not with plan; a host, if given, must be the guest's.")
        String sharesGuest,
    @Doc(
            value =
                "The name of the guest (container or VM) it runs in, with plan: tenants with the"
                    + " same guest share it as with shares-guest, and must have the same host and"
                    + " plan. Written by oversold for a derived scenario (a baseline or"
                    + " leave-one-out run) whose guest's owner is left out, so the guest keeps its"
                    + " name and random streams; not another tenant's name (use shares-guest).",
            byDefault = "the tenant's own name")
        String guest,
    @Required @Doc("What runs inside the VPS.") WorkloadDto workload) {}
