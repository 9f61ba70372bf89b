import type { Knowledge } from '../knowledge/knowledge';
import { QuotePicker, type QuoteCandidate } from './quote-picker';
import type { CitationStats, CorpusIndex, Decision, TreatmentStats } from './types';

// Everything in the corpus index except the list of decisions: counts per citation and per
// treatment, and the quotations. Fed one decision at a time, it holds only these aggregates, so
// an index of any number of letters is built in the same memory.

const MAX_EXAMPLES = 3;

/** The case a decision is known by: its case number, else its file name. */
export const caseOf = (d: Decision) => d.caseNumber ?? d.source.replace(/\.[^.]+$/, '');
const tally = () => ({ upheld: 0, overturned: 0 });

/** The limit a treatment's requests are split at: the trial's upper end, else the maximum's. */
export function limitOf(kb: Knowledge, treatment: string): number | undefined {
  const l = kb.limitFor(treatment);
  return l?.trial?.max ?? l?.maximum?.max;
}

export class IndexAggregates {
  letters = 0;
  items = 0;
  private readonly citations: Record<string, CitationStats> = {};
  private readonly treatments: Record<string, TreatmentStats> = {};
  private readonly quotes: QuotePicker;

  constructor(private readonly kb: Knowledge) {
    this.quotes = new QuotePicker(kb);
  }

  /** Count a decision in; `quotes`: its quotation candidates when a worker thread found them. */
  add(d: Decision, quotes?: QuoteCandidate[]): void {
    this.letters++;
    this.items += d.items.length;
    for (const item of d.items) {
      // An item citing the same entry twice (both sides, or one side twice) counts once.
      const ids = new Set(item.citations.flatMap((c) => c.resolved));
      for (const id of ids) {
        const s = (this.citations[id] ??= { items: 0, ...tally(), examples: [] });
        s.items++;
        s[item.outcome]++;
        if (s.examples.length < MAX_EXAMPLES) s.examples.push({ caseNumber: caseOf(d), item: item.title, outcome: item.outcome });
      }
      if (item.treatment && item.total !== undefined && item.aboveLimit !== undefined && !item.postsurgical) {
        const limit = limitOf(this.kb, item.treatment);
        if (limit === undefined) continue;
        const t = (this.treatments[item.treatment] ??= { limit, withinLimit: tally(), aboveLimit: tally(), aboveLimitWithoutImprovement: tally() });
        if (!item.aboveLimit) t.withinLimit[item.outcome]++;
        else {
          t.aboveLimit[item.outcome]++;
          // The rationale says functional improvement was not documented.
          if (item.functionalImprovement === false) t.aboveLimitWithoutImprovement[item.outcome]++;
        }
      }
    }
    this.quotes.add(d, caseOf(d), quotes);
  }

  /** The index's fields other than decisions and problems, keys sorted as the index has them. */
  result(): Pick<CorpusIndex, 'knowledgeVersion' | 'letters' | 'items' | 'citations' | 'treatments' | 'quotes'> {
    return {
      knowledgeVersion: this.kb.version,
      letters: this.letters,
      items: this.items,
      citations: sortKeys(this.citations),
      treatments: sortKeys(this.treatments),
      quotes: this.quotes.quotes(),
    };
  }
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
