/// The inline stylesheet of every HTML page Kortlæg writes: readable on screen, clean on paper.
package enum ReportStyle {
    package static let css = """
        :root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --band0: #cfe8d5; --band1: #f6e3a8; --band2: #f2b8a8; --band3: #e08f7f; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; line-height: 1.45; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid var(--line); }
        p.meta, .muted { color: var(--muted); font-size: .9rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .informants { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1.5rem; }
        figure { margin: .5rem 0; } figcaption { font-weight: 600; margin-bottom: .25rem; }
        svg { max-width: 100%; height: auto; } svg text { font-family: inherit; font-size: 11px; fill: var(--ink); }
        .trajectories { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin-top: .6rem; } .trajectories p { flex-basis: 100%; margin: 0; }
        table.codebook td { overflow-wrap: anywhere; } table.codebook td:nth-child(n+6) { overflow-wrap: normal; white-space: nowrap; }
        .informants td:first-child { overflow-wrap: anywhere; } .informants td:last-child { white-space: nowrap; }
        .legend span { display: inline-block; margin-right: 1rem; font-size: .85rem; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.1rem; border: 1px solid #999; }
        @media print {
          main { max-width: none; padding: 0; } body { font-size: 10pt; }
          h2 { break-after: avoid; } figure, table, tr { break-inside: avoid; }
          @page { size: A4; margin: 15mm; }
        }
        """
}
