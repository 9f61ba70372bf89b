import { findDates } from '../parse/dates';
import { letterDate } from '../parse/appeal-letter';
import type { AnalysisResult } from '../types';
import { PerAnalysis } from '../per-analysis';

// The date a request or letter bears: the form's date field ("Date of request", "Date:" beside
// the signature, "Date of exam" on a PR-2), else a letter's dateline. Undefined when none is written.

type Doc = Pick<AnalysisResult, 'structure'>;

const PREFERRED = /request|report|letter/i;

// Asked for each item by several rules: read once per analysis (its structure), or a long form's
// thousand items each read its every date field.
const read = new PerAnalysis<Doc['structure'], { date: Date | undefined }>();

export function requestDate(text: string, doc: Doc): Date | undefined {
  let known = read.get(doc.structure);
  if (!known) read.set(doc.structure, (known = { date: dateOfRequest(text, doc) }));
  return known.date;
}

function dateOfRequest(text: string, doc: Doc): Date | undefined {
  const dated = doc.structure.fields
    .filter((f) => f.kind === 'date' && !f.blank)
    .map((f) => ({ f, d: findDates(text, f.value.start, f.value.end).find((x) => x.date)?.date }))
    .filter((x): x is { f: typeof x.f; d: Date } => x.d !== undefined);
  const preferred = dated.find((x) => PREFERRED.test(text.slice(x.f.label.start, x.f.label.end)));
  if (preferred) return preferred.d;
  if (dated.length) return dated[0].d;
  return letterDate(text.length > 100_000 ? text.slice(0, 100_000) : text)?.date;
}
