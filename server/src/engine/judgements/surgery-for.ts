import type { Knowledge } from '../../knowledge/knowledge';
import type { Surgery } from '../../knowledge/schema';
import { unitAt } from '../parse/part-role';
import type { AnalysisResult, RequestedItem } from '../types';

// The surgery a postoperative therapy item follows: one named in the item's own passage; else
// the one on the item's body parts (after a femur nail and a metacarpal ORIF, hand therapy
// follows the metacarpal); else the only surgery the document names.

type Doc = Pick<AnalysisResult, 'surgeries' | 'structure'>;

export function surgeryFor(item: Pick<RequestedItem, 'span' | 'bodyRegions'>, doc: Doc, kb: Knowledge): Surgery | undefined {
  const { surgeries } = doc;
  if (!surgeries.length) return undefined;
  const byId = (id: string | undefined) => (id ? kb.data.surgeries.find((s) => s.id === id) : undefined);
  const unit = unitAt(doc.structure.units, item.span.start);
  const near = unit ? surgeries.find((m) => m.span.start >= unit.span.start && m.span.end <= unit.span.end) : undefined;
  if (near) return byId(near.surgery);
  const ids = [...new Set(surgeries.map((m) => m.surgery))];
  if (item.bodyRegions.length) {
    const onRegion = ids.map(byId).filter((s): s is Surgery => !!s && s.regions.some((r) => item.bodyRegions.includes(r)));
    if (onRegion.length) return onRegion.sort((a, b) => a.visits - b.visits)[0];
  }
  return ids.length === 1 ? byId(ids[0]) : undefined;
}
