import { lineStarts, offsetToPosition } from './positions';
import type { TextChange } from './incremental/change';
import type { Directive, DirectiveScope, Finding, FixData, Span } from './types';

// Silencing a rule where the writer has decided it does not apply, in a form that stays
// invisible when a Markdown letter is rendered (an HTML comment):
//   <!-- mtus-lint-disable therapy-over-trial -->            the whole document
//   <!-- mtus-lint-disable -->                               every rule, the whole document
//   ... text ... <!-- mtus-lint-disable-line rfa-diagnosis-missing -->   this line
//   <!-- mtus-lint-disable-next-line massage-without-exercise -->        the line below

const DIRECTIVE = /<!--\s*mtus-lint-(disable-next-line|disable-line|disable)\b([^>]*?)-->/g;

const MARK = 'mtus-lint-disable';

/**
 * Whether a text holds no directive, known from the last version's answer when the edit between
 * them is known: a text that had no mark has one only if it is in the stretch the edit wrote
 * (and the mark's length around it). A keystroke in a long document then reads that stretch only.
 */
export class DirectiveMemo {
  private kept?: { text: string; none: boolean };

  find(text: string, edit?: { before: string; change: TextChange }): ReturnType<typeof findDirectives> {
    const kept = this.kept;
    let none: boolean;
    if (kept?.none && edit && edit.before === kept.text) {
      const { from, newTo } = edit.change;
      none = !text.slice(Math.max(0, from - MARK.length), newTo + MARK.length).includes(MARK);
    } else none = !text.includes(MARK);
    this.kept = { text, none };
    return findDirectives(text, none);
  }
}

/** `none`: the caller knows `text` holds no directive. */
export function findDirectives(text: string, none = false): { directives: Directive[]; lineOf: (offset: number) => number } {
  const directives: Directive[] = [];
  let starts: number[] | undefined;
  const lineOf = (offset: number) => offsetToPosition((starts ??= lineStarts(text)), offset).line;
  // Cheap when there are none, which is almost always.
  if (none || !text.includes(MARK)) return { directives, lineOf };
  DIRECTIVE.lastIndex = 0;
  for (let m; (m = DIRECTIVE.exec(text));) {
    const kind = m[1];
    const listStart = m.index + m[0].indexOf(m[2], 4 + kind.length);
    const rules: string[] = [];
    const ruleSpans: Span[] = [];
    for (const r of m[2].matchAll(/[a-z0-9][a-z0-9-]*/g)) {
      rules.push(r[0]);
      ruleSpans.push({ start: listStart + r.index, end: listStart + r.index + r[0].length });
    }
    const span = { start: m.index, end: m.index + m[0].length };
    const scope: DirectiveScope = kind === 'disable' ? 'document' : kind === 'disable-line' ? 'line' : 'next-line';
    const line = scope === 'document' ? undefined : lineOf(m.index) + (scope === 'next-line' ? 1 : 0);
    directives.push({ scope, rules, span, ruleSpans, line });
  }
  return { directives, lineOf };
}

/** The findings the directives do not silence. */
export function applyDirectives(findings: Finding[], directives: Directive[], lineOf: (offset: number) => number): Finding[] {
  if (!directives.length) return findings;
  const names = (d: Directive, rule: string) => d.rules.length === 0 || d.rules.includes(rule);
  const whole = directives.filter((d) => d.scope === 'document');
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) if (d.line !== undefined) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  return findings.filter((f) => {
    if (whole.some((d) => names(d, f.rule))) return false;
    const here = byLine.get(lineOf(f.span.start));
    return !here?.some((d) => names(d, f.rule));
  });
}

/**
 * The two ways to silence a finding: on its line (a comment at the end of the line) or in the
 * whole document (a comment on a line of its own at the top). Neither is ever a "certain" fix:
 * silencing is the writer's decision, offered one at a time.
 */
export function silenceFixes(text: string, finding: Pick<Finding, 'rule' | 'span'>): FixData[] {
  const nl = /\r\n|\n|\r/.exec(text);
  const eol = nl ? nl[0] : '\n';
  const rest = text.slice(finding.span.start);
  const lineEnd = finding.span.start + (/[\r\n]/.exec(rest)?.index ?? rest.length);
  return [
    {
      title: `Silence ${finding.rule} on this line`,
      certain: false,
      edits: [{ span: { start: lineEnd, end: lineEnd }, newText: ` <!-- mtus-lint-disable-line ${finding.rule} -->` }],
    },
    {
      title: `Silence ${finding.rule} in this document`,
      certain: false,
      edits: [{ span: { start: 0, end: 0 }, newText: `<!-- mtus-lint-disable ${finding.rule} -->${eol}` }],
    },
  ];
}
