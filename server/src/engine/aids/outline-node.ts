import type { Span } from '../types';

// One node of a draft's outline, and the words its names are written in, shared by the outline
// of the items (outline.ts) and of an appeal letter's structure (letter-outline.ts).

export type OutlineKind = 'item' | 'medication' | 'citations' | 'citation' | 'section' | 'denial' | 'response';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** All the node covers (a denial runs through the paragraphs answering it). */
  range: Span;
  /** What is selected when the node is chosen; inside `range`. */
  selection: Span;
  children: OutlineNode[];
}

/** A passage on one line, cut at a word near `max` characters. */
export const oneLine = (s: string, max = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : t;
};
export const capital = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
