import type { MedicationItem } from '../engine/types';
import type { Knowledge } from '../knowledge/knowledge';
import { findOnList, normalizeIngredient, type ListMatch } from './names';
import type { DrugList } from './types';

// A requested medication's standing on an imported Drug List: Exempt, Non-Exempt or not
// listed, and whether it was written by a brand name. Status meanings (MTUS Drug List v3 header,
// shared/reference/mtus-current.md 1.5): Exempt needs no prospective review when prescribed per
// the MTUS; Non-Exempt and unlisted drugs need it; a brand-name Exempt drug where a generic is
// available needs it.

export interface ListStanding {
  list: DrugList;
  /** The generic ingredients looked up. */
  generics: string[];
  match?: ListMatch;
  /** The brand name as written, when the writer used one. */
  brand?: string;
}

export function standingOn(item: MedicationItem, kb: Knowledge, list: DrugList): ListStanding {
  const ids = item.ingredients.length ? item.ingredients.map((g) => g.drug) : [item.drug];
  const generics = [...new Set(ids.map((id) => kb.drug(id)?.generic[0] ?? kb.drug(id)?.name ?? id))];
  const drug = kb.drug(item.drug);
  const written = normalizeIngredient(item.drugText);
  const brand = drug?.brands.find((b) => normalizeIngredient(b) === written) ? item.drugText.replace(/\s+/g, ' ') : undefined;
  return { list, generics, match: findOnList(list, generics), brand };
}

/** "MTUS Drug List v13 (effective 8/6/2025)". */
export function listName(list: DrugList): string {
  return `MTUS Drug List v${list.version}${list.effective ? ` (effective ${list.effective})` : ''}`;
}

/** The one-line standing for the hover. */
export function standingLine(s: ListStanding): string {
  const name = listName(s.list);
  if (!s.match) return `**${name}:** ${s.generics.join(' + ')} is not listed: an unlisted drug needs prospective review.`;
  const e = s.match.entry;
  const fills = [
    e.specialFill ? `Special Fill${e.specialFill.days ? ` ${e.specialFill.days} days` : ''}` : '',
    e.perioperativeFill ? `Perioperative Fill${e.perioperativeFill.days ? ` ${e.perioperativeFill.days} days` : ''}` : '',
  ].filter(Boolean);
  const ref = e.reference ? `; ACOEM reference: ${e.reference.replace(/-/g, ' ')}` : '';
  const status =
    e.status === 'exempt'
      ? s.brand
        ? 'Exempt, but written as the brand ' + s.brand + ': a brand where a generic is available needs prospective review'
        : 'Exempt: no prospective review when prescribed per the MTUS'
      : 'Non-Exempt: needs prospective review';
  const others = s.match.others.length ? ` (rows ${s.match.others.map((o) => o.row).join(', ')} list other forms as ${s.match.others[0].status})` : '';
  return `**${name}:** ${e.name} (row ${e.row}) is ${status}${others}${fills.length ? `; ${fills.join(', ')}` : ''}${ref}.`;
}
