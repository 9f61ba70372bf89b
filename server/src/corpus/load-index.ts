import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CorpusIndex } from './types';

// The corpus index shipped with mtus-lint (derived from the shared IMR corpus by
// `npm run corpus`), and merging it with indexes of the user's own letters.

export function defaultCorpusIndexPath(): string | undefined {
  const candidates = [
    process.env.MTUS_LINT_CORPUS_INDEX,
    path.join(__dirname, 'corpus', 'default-index.json'), // bundled: dist/corpus/
    path.join(__dirname, 'data', 'default-index.json'),
    path.resolve(__dirname, '../../../../server/src/corpus/data/default-index.json'), // out/server/src/corpus
  ];
  return candidates.find((p) => p && fs.existsSync(p));
}

let cached: CorpusIndex | null | undefined;

/** The bundled index, or undefined (with no error) when it is not there. */
export function defaultCorpusIndex(): CorpusIndex | undefined {
  if (cached === undefined) {
    const p = defaultCorpusIndexPath();
    try {
      cached = p ? (JSON.parse(fs.readFileSync(p, 'utf8')) as CorpusIndex) : null;
      if (cached && cached.version !== 1) cached = null;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}

const add = (a: { upheld: number; overturned: number }, b: { upheld: number; overturned: number }) => ({
  upheld: a.upheld + b.upheld,
  overturned: a.overturned + b.overturned,
});

/** One index from several: decisions side by side (a case seen twice counts once), statistics summed. */
export function mergeIndexes(indexes: CorpusIndex[]): CorpusIndex | undefined {
  if (indexes.length <= 1) return indexes[0];
  const seen = new Set<string>();
  const out: CorpusIndex = {
    version: 1,
    knowledgeVersion: indexes[0].knowledgeVersion,
    letters: 0,
    items: 0,
    decisions: [],
    citations: {},
    treatments: {},
    quotes: [],
    problems: [],
  };
  for (const ix of indexes) {
    const fresh = ix.decisions.filter((d) => {
      const k = d.caseNumber ?? d.source;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    out.problems.push(...ix.problems);
    if (fresh.length === 0) continue;
    const whole = fresh.length === ix.decisions.length;
    out.decisions.push(...fresh);
    out.letters += fresh.length;
    out.items += fresh.reduce((n, d) => n + d.items.length, 0);
    out.quotes.push(...ix.quotes);
    if (!whole) continue; // overlapping indexes: keep their decisions but not double their counts
    for (const [id, s] of Object.entries(ix.citations)) {
      const o = out.citations[id];
      out.citations[id] = o ? { ...add(o, s), items: o.items + s.items, examples: [...o.examples, ...s.examples].slice(0, 3) } : { ...s };
    }
    for (const [id, s] of Object.entries(ix.treatments)) {
      const o = out.treatments[id];
      out.treatments[id] = o
        ? {
            limit: o.limit,
            withinLimit: add(o.withinLimit, s.withinLimit),
            aboveLimit: add(o.aboveLimit, s.aboveLimit),
            aboveLimitWithoutImprovement: add(o.aboveLimitWithoutImprovement, s.aboveLimitWithoutImprovement),
          }
        : { ...s };
    }
  }
  return out;
}
