import type { ServerCapabilities } from 'vscode-languageserver';
import { editionLabel } from '../engine/analyze';
import { citationText as citationForm } from '../engine/wording/citation-forms';
import { citationLabel } from '../engine/wording/citation-label';
import type { Knowledge } from '../knowledge/knowledge';
import type { CitationEntry, Guideline } from '../knowledge/schema';
import type { FeatureContext } from './context';
import { GUIDELINES_REQUEST, type GuidelineEntry, type GuidelinesParams, type GuidelinesResult } from '../protocol';

// The guideline browser's data (issue 6): the knowledge base's citation entries, each with the
// text to insert written the way the engine's citation parser reads it back, in the form of the
// edition the document is judged by (2009 by page, 2016 by section). The client only shows and
// inserts; every citation form lives here, beside the knowledge base it comes from.

// Guidelines outside the MTUS (ODG, ACOEM 3rd edition) are not offered: the browser is for
// citing the MTUS, which governs first (8 CCR 9792.21.1).
const NOT_MTUS = new Set(['odg', 'acoem-3']);

// The order a writer looks for them in: the Chronic Pain guideline first, then the other
// treatment guidelines, ACOEM's chapters, and the regulations and statute last.
const ORDER = ['cpmtg-2016', 'cpmtg-2009', 'acupuncture-mtg', 'postsurgical-mtg', 'opioids-mtg-2016', 'acoem-2', 'mtus-regulations', 'labor-code'];

/**
 * The citation as a writer would put it in a request or letter, in the form the engine's
 * citation parser resolves back to this entry: the same words completion inserts.
 */
export function citationText(kb: Knowledge, e: CitationEntry): string {
  return citationForm(e, kb) ?? citationLabel(kb, e.id);
}

function entryOf(kb: Knowledge, e: CitationEntry, g: Guideline): GuidelineEntry {
  const quote = e.quotes[0];
  return {
    id: e.id,
    label: citationLabel(kb, e.id),
    insertText: citationText(kb, e),
    topic: e.topic,
    guideline: g.short,
    guidelineTitle: g.title,
    edition: g.edition,
    treatments: e.treatments.map((t) => kb.treatment(t)?.name ?? t),
    quote: quote.text,
    quoteSource: quote.source,
  };
}

/**
 * The entries a writer may cite in a document judged by `edition` ("all": both editions of the
 * Chronic Pain guideline). A guideline published in several editions contributes only the
 * chosen one; every other MTUS guideline, regulation and statute is always offered.
 */
export function guidelineEntries(kb: Knowledge, edition: string): GuidelineEntry[] {
  const titles = new Map<string, number>();
  for (const g of kb.data.guidelines) titles.set(g.title, (titles.get(g.title) ?? 0) + 1);
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  const out: { e: GuidelineEntry; r: number; i: number }[] = [];
  kb.data.citations.forEach((c, i) => {
    const g = kb.guideline(c.guideline);
    if (!g || NOT_MTUS.has(g.id)) return;
    if (edition !== 'all' && (titles.get(g.title) ?? 0) > 1 && g.edition !== edition) return;
    out.push({ e: entryOf(kb, c, g), r: rank(g.id), i });
  });
  return out.sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.e);
}

async function editionFor(ctx: FeatureContext, params: GuidelinesParams): Promise<Pick<GuidelinesResult, 'edition' | 'editionReason'>> {
  const kb = ctx.knowledge();
  if (params.edition === 'all' || (params.edition && kb.editions.includes(params.edition))) return { edition: params.edition, editionReason: 'asked' };
  if (params.uri) {
    const current = await ctx.current(params.uri);
    if (current) return { edition: current.analysis.edition, editionReason: current.analysis.editionReason };
    const setting = (await ctx.settingsFor(params.uri)).edition;
    if (setting && kb.editions.includes(setting)) return { edition: setting, editionReason: 'setting' };
  }
  return { edition: kb.defaultEdition, editionReason: 'default' };
}

export function guidelineCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerGuidelines(ctx: FeatureContext): void {
  const empty: GuidelinesResult = { edition: '', editionLabel: '', editionReason: 'default', entries: [] };
  ctx.connection.onRequest(
    GUIDELINES_REQUEST,
    ctx.guard('guidelines', empty, async (params: GuidelinesParams | undefined): Promise<GuidelinesResult> => {
      const kb = ctx.knowledge();
      const { edition, editionReason } = await editionFor(ctx, params ?? {});
      const label = edition === 'all' ? 'both editions' : editionLabel(kb, edition);
      return { edition, editionLabel: label, editionReason, entries: guidelineEntries(kb, edition) };
    }),
  );
}
