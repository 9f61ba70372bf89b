import { analyze } from '../engine';
import type { Analysis } from '../engine/analyze';
import type { Finding } from '../engine/types';
import type { Knowledge } from '../knowledge/knowledge';
import { LetterParseError, normalizeLetterText, parseLetter } from './parse-letter';
import type { Outcome } from './types';

// How the rules' judgements line up with real IMR outcomes. Each disputed item is checked the
// way a draft would be: its title as the request, alone ("title") or after the letter's
// clinical case summary, which stands in for the medical records a request carries ("case").
// Only findings on the title itself count: the summary supplies facts, not requests.

export type ItemGroup = 'therapy' | 'medication' | 'other';
export type Mode = 'title' | 'case';

export interface ItemResult {
  file: string;
  title: string;
  outcome: Outcome;
  group: ItemGroup;
  /** Rule ids of findings on the item, any severity. */
  rules: string[];
  /** At least one warning or error. */
  warns: boolean;
}

export interface GroupFigures {
  items: number;
  upheld: number;
  overturned: number;
  /** Items at least one rule speaks to (any severity). */
  spokenTo: number;
  warned: number;
  warnedUpheld: number;
  warnedOverturned: number;
}

const THERAPY = new Set(['acupuncture', 'manual-therapy', 'massage', 'physical-medicine', 'passive-modality']);
const SECTION_START = /CLINICAL CASE SUMMARY/i;
const SECTION_END = /IMR ISSUES,? DECISIONS,? AND RATIONALES/i;

/** The letter's clinical case summary (the reviewer's account of the records), without the rest. */
export function caseSummary(text: string): string {
  const body = normalizeLetterText(text);
  const start = body.search(SECTION_START);
  if (start < 0) return '';
  const from = body.indexOf('\n', start) + 1;
  const end = body.slice(from).search(SECTION_END);
  return body.slice(from, end < 0 ? body.length : from + end).trim();
}

function groupOf(a: Analysis, kb: Knowledge, at: number): ItemGroup {
  const meds = (a as { medications?: { span?: { start: number } }[] }).medications ?? [];
  if (meds.some((m) => (m.span?.start ?? 0) >= at)) return 'medication';
  const therapy = [...a.items, ...a.mentions.map((m) => ({ treatment: m.treatment, span: m.span }))].some(
    (x) => x.span.start >= at && THERAPY.has(kb.treatment(x.treatment)?.category ?? ''),
  );
  return therapy ? 'therapy' : 'other';
}

const warns = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** Judge every disputed item of the letters, in one mode. Letters that cannot be parsed are skipped. */
export function measureOutcomes(letters: { file: string; text: string }[], kb: Knowledge, mode: Mode, today?: Date): ItemResult[] {
  const out: ItemResult[] = [];
  for (const { file, text } of letters) {
    let items;
    try {
      items = parseLetter(text, file, { kb }).items;
    } catch (e) {
      if (e instanceof LetterParseError) continue;
      throw e;
    }
    const summary = mode === 'case' ? caseSummary(text) : '';
    for (const item of items) {
      const prefix = summary ? `${summary}\n\nRequested: ` : '';
      const a = analyze(`${prefix}${item.title}\n`, kb, { kind: 'request', today });
      const mine = a.findings.filter((f) => f.span.end > prefix.length);
      out.push({
        file,
        title: item.title,
        outcome: item.outcome,
        group: groupOf(a, kb, prefix.length),
        rules: [...new Set(mine.map((f) => f.rule))],
        warns: mine.some(warns),
      });
    }
  }
  return out;
}

export function figuresOf(results: ItemResult[]): GroupFigures {
  const f: GroupFigures = { items: 0, upheld: 0, overturned: 0, spokenTo: 0, warned: 0, warnedUpheld: 0, warnedOverturned: 0 };
  for (const r of results) {
    f.items++;
    f[r.outcome]++;
    if (r.rules.length) f.spokenTo++;
    if (r.warns) {
      f.warned++;
      if (r.outcome === 'upheld') f.warnedUpheld++;
      else f.warnedOverturned++;
    }
  }
  return f;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

/** A table a person can read: per group, how often a warning agrees with "upheld", and false alarms. */
export function formatMeasurement(byMode: Record<Mode, ItemResult[]>): string {
  const lines: string[] = [];
  for (const mode of Object.keys(byMode) as Mode[]) {
    const results = byMode[mode];
    lines.push(mode === 'title' ? 'Each disputed item title checked alone:' : "Each title checked after the letter's clinical case summary:");
    lines.push('  group        items  upheld  spoken to      warned  warned & upheld (agreement)  overturned warned (false alarms)');
    for (const group of ['therapy', 'medication', 'other', 'all'] as const) {
      const f = figuresOf(group === 'all' ? results : results.filter((r) => r.group === group));
      lines.push(
        `  ${group.padEnd(11)} ${String(f.items).padStart(6)} ${String(f.upheld).padStart(7)}  ${`${f.spokenTo} (${pct(f.spokenTo, f.items)})`.padEnd(14)} ${String(f.warned).padStart(6)}  ${`${f.warnedUpheld} of ${f.warned} (${pct(f.warnedUpheld, f.warned)})`.padEnd(27)}  ${f.warnedOverturned} of ${f.overturned} (${pct(f.warnedOverturned, f.overturned)})`,
      );
    }
    const counts = new Map<string, number>();
    for (const r of results) for (const id of r.rules) counts.set(id, (counts.get(id) ?? 0) + 1);
    lines.push(
      `  rules speaking: ${
        [...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([id, n]) => `${id} ${n}`)
          .join(', ') || 'none'
      }`,
    );
    lines.push('');
  }
  return lines.join('\n');
}
