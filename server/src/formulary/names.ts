import type { DrugList, DrugListEntry } from './types';

// Drug names compared the way the Drug List and prescriptions write them: lower case, salts and
// release forms left out ("Hydrocodone Bitartrate/Acetaminophen" → hydrocodone + acetaminophen).

const SALTS =
  /\b(?:hydrochloride|hcl|hydrobromide|bitartrate|tartrate|sodium|potassium|calcium|magnesium|citrate|besylate|maleate|mesylate|sulfate|phosphate|succinate|fumarate|acetate|bromide|chloride|monohydrate|dihydrate|er|xr|sr|cr|dr|ec|ir|xl|la|extended[- ]release|delayed[- ]release|immediate[- ]release|oral|topical|tablets?|capsules?|patch(?:es)?|cream|gel|solution)\b/g;

export function normalizeIngredient(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(SALTS, ' ')
    .replace(/[^a-z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ingredients a name holds: "A/B", "A and B", "A + B", "A-B" combination names. */
export function ingredientsOf(name: string): string[] {
  return [
    ...new Set(
      name
        .split(/\s*(?:\/|\+|;|,|\band\b|&|\bwith\b)\s*/i)
        .map(normalizeIngredient)
        .filter((x) => x.length > 1),
    ),
  ];
}

export interface ListMatch {
  entry: DrugListEntry;
  /** Other rows that hold the same ingredients with another status (forms differ). */
  others: DrugListEntry[];
}

/**
 * The list's entry for a drug named by its ingredients: the one holding exactly them, else the
 * one holding them with the fewest others. Undefined: the drug is not on the list (unlisted).
 */
export function findOnList(list: DrugList, ingredients: string[]): ListMatch | undefined {
  const want = ingredients.map(normalizeIngredient).filter(Boolean);
  if (!want.length) return undefined;
  const holds = (e: DrugListEntry) => want.every((w) => e.ingredients.some((i) => i === w || i.split(' ')[0] === w));
  const candidates = list.drugs.filter(holds).sort((a, b) => a.ingredients.length - b.ingredients.length);
  if (!candidates.length) return undefined;
  const best = candidates.filter((c) => c.ingredients.length === candidates[0].ingredients.length);
  // Where forms of one drug differ in status, the stricter one is reported: review may be needed.
  const entry = best.find((c) => c.status === 'non-exempt') ?? best[0];
  return { entry, others: best.filter((c) => c !== entry && c.status !== entry.status) };
}
