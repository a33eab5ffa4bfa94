package dev.oversold.report.model;

import java.util.Objects;

/**
 * Why a figure of the report is null, zero or suspect: one entry of the top-level {@code warnings}
 * list, also printed above the console table and at the top of report.html.
 *
 * @param code a stable kebab-case identifier scripts can test ({@code baseline-zero})
 * @param message one sentence for people: what happened and which figures it affects
 * @param host the host it concerns, or null
 * @param tenant the tenant it concerns, or null for the whole report
 */
public record Warning(String code, String message, String host, String tenant) {
  public Warning {
    Objects.requireNonNull(code, "code");
    if (!code.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("warning code '" + code + "' is not kebab-case");
    }
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("a warning needs a message");
    }
  }

  /** A warning about the whole report. */
  public static Warning report(String code, String message) {
    return new Warning(code, message, null, null);
  }

  /** A warning about one tenant on its host. */
  public static Warning tenant(String code, TenantReport tenant, String message) {
    return new Warning(code, message, tenant.host(), tenant.name());
  }
}
