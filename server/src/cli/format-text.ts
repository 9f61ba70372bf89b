import type { FileReport, Totals } from './report';

// The report people read in a terminal: each file, its notes, one line per problem
// ("line:column  severity  message  [rule]"), then a summary. Colour only marks what the
// words already say, so a report without it loses nothing.

const CODES = { bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39], green: [32, 39] } as const;
type Style = keyof typeof CODES;

export function painter(colour: boolean) {
  return (style: Style, s: string) => (colour ? `\u001b[${CODES[style][0]}m${s}\u001b[${CODES[style][1]}m` : s);
}

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(reports: readonly FileReport[], t: Totals, opts: { colour: boolean; quiet: boolean }): string {
  const paint = painter(opts.colour);
  const lines: string[] = [];
  for (const r of reports) {
    const shown = opts.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics;
    if (opts.quiet && shown.length === 0 && !r.changes?.length) continue;
    lines.push(paint('underline', r.path));
    if (!opts.quiet) for (const n of r.notes) lines.push(`  ${paint('dim', `note: ${n}`)}`);
    if (r.reading) lines.push('  How it was read:', ...r.reading.map((l) => `    ${l}`), '  Problems:');
    if (r.fixed) lines.push(`  ${paint('green', `fixed ${plural(r.fixed, 'problem')} and saved the file`)}`);
    if (r.changes?.length) {
      lines.push('  --fix would change:');
      for (const c of r.changes) {
        lines.push(`  ${paint('red', `${String(c.line).padStart(5)} - ${c.before}`)}`);
        lines.push(`  ${paint('green', `${String(c.line).padStart(5)} + ${c.after}`)}`);
      }
    }
    if (r.diagnostics.length === 0 && !opts.quiet) lines.push(`  ${paint('green', 'no problems found')}`);
    for (const d of shown) {
      const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`  ${paint('dim', at.padEnd(7))} ${paint(SEVERITY_STYLE[d.severity], d.severity.padEnd(11))} ${d.message}  ${paint('dim', `[${d.rule}]`)}`);
    }
    lines.push('');
  }
  const total = t.error + t.warning + t.information + t.hint;
  const parts = (['error', 'warning', 'information', 'hint'] as const).filter((s) => t[s] > 0).map((s) => plural(t[s], s));
  if (opts.quiet) {
    if (t.error) lines.push(paint('bold', paint('red', plural(t.error, 'error'))));
  } else if (total) {
    lines.push(paint('bold', `${plural(total, 'problem')} (${parts.join(', ')})`));
    if (t.fixable)
      lines.push(
        `${t.fixable === 1 ? '1 of them has' : `${t.fixable} of them have`} a certain fix: run again with --fix to apply ${t.fixable === 1 ? 'it' : 'them'}, or --fix-dry-run to see ${t.fixable === 1 ? 'it' : 'them'}`,
      );
  } else lines.push(paint('green', 'no problems found'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
