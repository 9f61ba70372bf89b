// How a guideline's figures are written in messages and hints.

/** "8–10", or "6" when both ends are the same. */
export const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.max}` : `${r.min}–${r.max}`);

/** "visit" for "visits": the unit as an adjective ("the 24-visit cap"). */
export function unitSingular(unit: string): string {
  return unit.replace(/s$/, '');
}
