import type { Knowledge } from '../../knowledge/knowledge';
import type { Span } from '../types';
import { searchable, type FindAll, type Finder } from '../incremental/finders';
import { failedNear } from './failed-near';

// Drugs the document names as failed or not tolerated: a first-line drug for neuropathic pain
// ("failed gabapentin", "Cymbalta was not tolerated"), which a topical request asks about, and an
// oral NSAID ("Ibuprofen upset his stomach and was stopped"), which topical diclofenac asks about.
// Most long documents state neither, so a search that stops at the first was a search of the
// whole text on every keystroke: this finder is read again only near an edit (finders.ts).

export interface DrugFailure {
  span: Span;
  kind: 'failed-first-line' | 'oral-nsaid-failed';
}

const finders = new WeakMap<Knowledge, Finder<DrugFailure>>();
let made = 0;

/** The finder of failed drugs named by `kb`'s drug names (one per knowledge base: its id says which). */
export function drugFailures(kb: Knowledge): Finder<DrugFailure> {
  let finder = finders.get(kb);
  if (!finder) finders.set(kb, (finder = { id: `drug-failures-${++made}`, margin: 800, scan: (whole, from, to) => scan(kb, whole, from, to) }));
  return finder;
}

/**
 * The kinds of failure `wanted` that the text states: through the finder when the analysis is
 * incremental (`find`), else read only up to the first of each, as a full analysis asks no more.
 */
export function failedDrugs(kb: Knowledge, text: string, wanted: DrugFailure['kind'][], find?: FindAll): Set<DrugFailure['kind']> {
  const seen = new Set<DrugFailure['kind']>();
  if (!wanted.length) return seen;
  if (find) {
    for (const f of find(drugFailures(kb))) if (wanted.includes(f.kind)) seen.add(f.kind);
    return seen;
  }
  scan(kb, text, 0, Infinity, (f) => {
    if (wanted.includes(f.kind)) seen.add(f.kind);
    return seen.size === wanted.length;
  });
  return seen;
}

/** The failures named in [from, to); `enough`, asked of each, stops the scan when it says so. */
function scan(kb: Knowledge, whole: string, from: number, to: number, enough?: (f: DrugFailure) => boolean) {
  const text = searchable(whole, from, to);
  const re = new RegExp(kb.drugPattern.source, kb.drugPattern.flags);
  re.lastIndex = from;
  const found: DrugFailure[] = [];
  const matched: Span[] = [];
  for (let m; (m = re.exec(text)) && m.index < to;) {
    const span = { start: m.index, end: m.index + m[0].length };
    matched.push({ ...span });
    const d = kb.drugOf(m[0]);
    let kind: DrugFailure['kind'] | undefined;
    if (d?.firstLine && failedNear(whole, span)) kind = 'failed-first-line';
    else if (d?.class === 'nsaid' && (failedNear(whole, span) || /^[^.\n]{0,40}\b(?:upset|irritat\w*)\b/i.test(whole.slice(span.end, span.end + 60))))
      kind = 'oral-nsaid-failed';
    if (!kind) continue;
    found.push({ span, kind });
    if (enough?.(found[found.length - 1])) break;
  }
  return { found, matched };
}
