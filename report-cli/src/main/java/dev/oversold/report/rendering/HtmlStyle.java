package dev.oversold.report.rendering;

/** The report page's inline style sheet: system fonts, no external resources. */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS =
      """
      :root { --ink: #1f2a3c; --muted: #5b6578; --line: #e3e7ee; --accent: #2f5d9e; }
      * { box-sizing: border-box; }
      body { margin: 0; padding: 0 40px 40px; background: #f3f5f9; color: var(--ink);
        font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      header { margin: 0 -40px 24px; padding: 28px 40px 22px;
        background: linear-gradient(120deg, #1d3557, #2f5d9e); color: #fff; }
      header h1 { margin: 4px 0 2px; font-size: 28px; font-weight: 650; letter-spacing: .2px; }
      .brand { text-transform: uppercase; letter-spacing: 2px; font-size: 12px; opacity: .8; }
      .sub { margin: 0; opacity: .85; }
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 16px; margin-bottom: 24px; }
      .card { background: #fff; border-radius: 10px; padding: 14px 18px;
        box-shadow: 0 1px 3px rgba(20, 30, 50, .08); border-top: 3px solid var(--accent); }
      .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase;
        letter-spacing: .8px; }
      .card .value { font-size: 26px; font-weight: 650; margin: 2px 0; }
      .card .note { color: var(--muted); font-size: 12px; }
      section { background: #fff; border-radius: 10px; padding: 18px 24px 22px; margin-bottom: 22px;
        box-shadow: 0 1px 3px rgba(20, 30, 50, .08); }
      h2 { margin: 0 0 4px; font-size: 18px; }
      .explain { margin: 0 0 12px; color: var(--muted); max-width: 900px; }
      .chart svg { display: block; max-width: 100%; height: auto; margin-top: 8px; }
      svg text { font-family: inherit; fill: var(--ink); }
      svg .tick { font-size: 12px; fill: #3c4658; }
      svg .axis { font-size: 12px; fill: var(--muted); font-weight: 600; }
      svg .muted { font-size: 12px; fill: #8a94a6; }
      svg .value { font-size: 11px; fill: var(--ink); }
      svg .cell { font-size: 11px; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th { text-align: right; font-size: 12px; color: var(--muted); font-weight: 600;
        border-bottom: 2px solid var(--line); padding: 6px 10px; }
      th:first-child, th:nth-child(2) { text-align: left; }
      td { padding: 5px 10px; border-bottom: 1px solid var(--line); }
      td.num { text-align: right; }
      td.bad { color: #b3261e; font-weight: 650; }
      td.warn { color: #a15c00; font-weight: 600; }
      td.ok { color: #2e7d32; }
      .tag { font-size: 11px; background: #fde2e1; color: #b3261e; border-radius: 4px;
        padding: 1px 6px; margin-left: 4px; }
      section.warnings { border-left: 4px solid #a15c00; }
      section.warnings li { margin: 2px 0; }
      footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
      """;
}
