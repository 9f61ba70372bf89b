import type { FileReport, Totals } from './report';

// The JSON report, for scripts: 0-based LSP positions; each problem with its rule's page
// ("docs") and whether a certain fix exists ("fixable"); --fix-dry-run adds each file's
// "output" (the text --fix would save), as eslint does.

export function formatJson(reports: readonly FileReport[], t: Totals, quiet: boolean): string {
  const files = reports.map((r) => ({
    path: r.path,
    diagnostics: (quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics).map(({ fix: _fix, ...d }) => d),
    ...(r.notes.length ? { notes: r.notes } : {}),
    ...(r.reading ? { reading: r.reading } : {}),
    ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
    ...(r.output !== undefined ? { output: r.output } : {}),
  }));
  return `${JSON.stringify({ files, summary: { errors: t.error, warnings: t.warning, information: t.information, hints: t.hint, fixable: t.fixable } }, null, 2)}\n`;
}
