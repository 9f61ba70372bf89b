// The MTUS's dates written in prose outside the engine (the mtusLint.edition setting's
// descriptions, the README's "MTUS in force" paragraph) are dates the knowledge base holds, with
// their sources: a date changed in the data, or mistyped in the prose, fails here.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { kb, repoRoot } from '../helpers/repo';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Every date in the text, written 12/1/2017 or July 18, 2009, as YYYY-MM-DD. */
function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) out.push(iso(Number(m[3]), Number(m[1]), Number(m[2])));
  for (const m of text.matchAll(new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})\\b`, 'g')))
    out.push(iso(Number(m[3]), MONTHS.indexOf(m[1]) + 1, Number(m[2])));
  return out;
}

/** The dates the knowledge base holds: guidelines' effective dates, the timeline's milestones and periods. */
function knowledgeDates(): Set<string> {
  const data = kb().data;
  const timeline = data.timeline as unknown as { milestones: { date: string }[]; topics?: unknown[]; versions?: { from?: string }[] } | undefined;
  const raw = JSON.stringify(data.timeline ?? {});
  return new Set([
    ...data.guidelines.map((g) => (g as { effective?: string }).effective).filter((d): d is string => Boolean(d)),
    ...(timeline?.milestones ?? []).map((m) => m.date),
    ...[...raw.matchAll(/"from":"(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]),
  ]);
}

describe('dates of the MTUS written in prose', () => {
  const root = repoRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const edition = pkg.contributes.configuration.properties['mtusLint.edition'];
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const inForce = readme.slice(readme.indexOf("**The MTUS in force on the document's date.**"), readme.indexOf('**Edition.**'));
  const known = knowledgeDates();

  test('the texts hold dates (the checks below can fail)', () => {
    assert.ok(datesIn(inForce).length >= 3, 'the README paragraph was found and names its dates');
    assert.ok(datesIn([edition.markdownDescription, ...edition.enumDescriptions].join(' ')).length >= 3);
    assert.ok(known.has('2017-12-01') && !known.has('2017-12-02'));
  });

  test('the mtusLint.edition setting states only dates the knowledge base holds', () => {
    const stated = datesIn([edition.markdownDescription, ...edition.enumDescriptions].join(' '));
    assert.deepEqual(
      stated.filter((d) => !known.has(d)),
      [],
    );
  });

  test("the README's paragraph on the MTUS in force states only dates the knowledge base holds", () => {
    assert.deepEqual(
      datesIn(inForce).filter((d) => !known.has(d)),
      [],
    );
  });
});
