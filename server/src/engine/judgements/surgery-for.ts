import type { Knowledge } from '../../knowledge/knowledge';
import type { Surgery } from '../../knowledge/schema';
import { unitAt } from '../parse/part-role';
import { PerAnalysis } from '../per-analysis';
import { firstWithin } from '../parse/spans-within';
import type { AnalysisResult, RequestedItem, Span, SurgeryMention } from '../types';

// The surgery a postoperative therapy item follows: one named in the item's own passage; else
// the one on the item's body parts (after a femur nail and a metacarpal ORIF, hand therapy
// follows the metacarpal); else the only surgery the document names.

type Doc = Pick<AnalysisResult, 'surgeries' | 'structure'>;

// The surgeries the document names, each once: asked for each postoperative item, made once per analysis.
const idsOf = new PerAnalysis<SurgeryMention[], string[]>();
function surgeryIds(surgeries: SurgeryMention[]): string[] {
  let ids = idsOf.get(surgeries);
  if (!ids) idsOf.set(surgeries, (ids = [...new Set(surgeries.map((m) => m.surgery))]));
  return ids;
}

export function surgeryFor(item: Pick<RequestedItem, 'span' | 'bodyRegions'>, doc: Doc, kb: Knowledge): Surgery | undefined {
  return surgeryAmong(doc.surgeries, kb, unitAt(doc.structure.units, item.span.start)?.span, item.bodyRegions);
}

/**
 * The same choice from what a writing aid knows: the surgeries named, the passage the item is
 * in (`near`), and its body parts (none while a line is being typed).
 */
export function surgeryAmong(surgeries: SurgeryMention[], kb: Knowledge, near: Span | undefined, regions: string[]): Surgery | undefined {
  if (!surgeries.length) return undefined;
  const byId = (id: string | undefined) => (id ? kb.data.surgeries.find((s) => s.id === id) : undefined);
  const close = near ? firstWithin(surgeries, near) : undefined;
  if (close) return byId(close.surgery);
  const ids = surgeryIds(surgeries);
  if (regions.length) {
    const onRegion = ids.map(byId).filter((s): s is Surgery => !!s && s.regions.some((r) => regions.includes(r)));
    if (onRegion.length) return onRegion.sort((a, b) => a.visits - b.visits)[0];
  }
  return ids.length === 1 ? byId(ids[0]) : undefined;
}
