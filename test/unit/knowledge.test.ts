import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledgeDir } from '../../server/src/knowledge/load';
import { kb } from '../helpers/repo';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function copyKnowledge(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-kb-'));
  made.push(dir);
  for (const f of fs.readdirSync(defaultKnowledgeDir())) fs.copyFileSync(path.join(defaultKnowledgeDir(), f), path.join(dir, f));
  edit(dir);
  return dir;
}

// The tests break entries of any shape on purpose: the parsed file is edited as it comes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rewrite = (dir: string, file: string, change: (data: any) => void) => {
  const p = path.join(dir, file);
  const data = JSON.parse(fs.readFileSync(p, 'utf8'));
  change(data);
  fs.writeFileSync(p, JSON.stringify(data));
};

describe('the bundled knowledge base', () => {
  test('loads and validates', () => {
    const k = kb();
    assert.ok(k.data.treatments.length >= 4);
    assert.ok(k.data.citations.length >= 20);
  });
  test('every limit names its source and a citation with a quotation', () => {
    for (const l of kb().data.limits) {
      assert.ok(l.source.length > 20, `${l.id} source`);
      const c = kb().citation(l.citation);
      assert.ok(c && c.quotes.length > 0, `${l.id} citation ${l.citation}`);
    }
  });
  test('the therapy limits are the MTUS figures', () => {
    const lim = (t: string) => kb().limitFor(t)!;
    assert.deepEqual(lim('acupuncture').trial, { min: 3, max: 6 });
    assert.deepEqual(lim('acupuncture').perWeek, { min: 1, max: 3 });
    assert.deepEqual(lim('manual-therapy').maximum, { min: 18, max: 18 });
    assert.deepEqual(lim('massage').maximum, { min: 4, max: 6 });
    assert.deepEqual(lim('physical-medicine').maximum, { min: 8, max: 10 });
  });
  test('every alias names its own treatment', () => {
    for (const t of kb().data.treatments) for (const a of t.aliases) if (!a.startsWith('/')) assert.equal(kb().treatmentOf(a)?.id, t.id, a);
  });
});

describe('a malformed knowledge file gets a clear message', () => {
  test('invalid JSON names the file', () => {
    const dir = copyKnowledge((d) => fs.writeFileSync(path.join(d, 'limits.json'), '[{ "id": '));
    assert.throws(
      () => loadKnowledgeDir(dir),
      (e: unknown) => e instanceof KnowledgeError && /limits\.json is not valid JSON/.test(e.message),
    );
  });
  test('a missing field names the file and the path inside it', () => {
    const dir = copyKnowledge((d) => rewrite(d, 'limits.json', (x) => delete x[0].source));
    assert.throws(
      () => loadKnowledgeDir(dir),
      (e: unknown) => e instanceof KnowledgeError && /limits\.json is invalid/.test(e.message) && e.issues.some((i) => i.startsWith('0.source')),
    );
  });
  test('a trial range upside down is refused', () => {
    const dir = copyKnowledge((d) => rewrite(d, 'limits.json', (x) => (x[0].trial = { min: 6, max: 3 })));
    assert.throws(() => loadKnowledgeDir(dir), /min must not exceed max/);
  });
  test('a reference to an unknown citation is refused', () => {
    const dir = copyKnowledge((d) => rewrite(d, 'limits.json', (x) => (x[0].citation = 'no-such-citation')));
    assert.throws(() => loadKnowledgeDir(dir), /unknown citation "no-such-citation"/);
  });
  test('a duplicate id is refused', () => {
    const dir = copyKnowledge((d) => rewrite(d, 'treatments.json', (x) => x.push({ ...x[0] })));
    assert.throws(() => loadKnowledgeDir(dir), /duplicate id "acupuncture"/);
  });
  test('a diagnosis code that is not an ICD-10 code names the file and the entry', () => {
    const dir = copyKnowledge((d) => rewrite(d, 'diagnoses.json', (x) => (x[0].icd10 = ['myalgia'])));
    assert.throws(
      () => loadKnowledgeDir(dir),
      (e: unknown) =>
        e instanceof KnowledgeError && /diagnoses\.json is invalid/.test(e.message) && e.issues.some((i) => i.startsWith('0.icd10.0: an ICD-10 code')),
    );
  });
  test('a figure by diagnosis must name a diagnosis the knowledge base holds', () => {
    const dir = copyKnowledge((d) =>
      rewrite(d, 'limits.json', (x) => (x.find((l: { byDiagnosis?: unknown[] }) => l.byDiagnosis).byDiagnosis[0].diagnosis = 'sprain')),
    );
    assert.throws(() => loadKnowledgeDir(dir), /unknown diagnosis "sprain" in byDiagnosis/);
  });
  test('a surgery must name a treatment and a citation that exist, and say where its figure was read', () => {
    const bad = copyKnowledge((d) => rewrite(d, 'surgeries.json', (x) => (x[0].treatment = 'yoga')));
    assert.throws(() => loadKnowledgeDir(bad), /surgeries\.0 \(bankart-repair\): unknown treatment "yoga"/);
    const unsourced = copyKnowledge((d) => rewrite(d, 'surgeries.json', (x) => delete x[0].source));
    assert.throws(
      () => loadKnowledgeDir(unsourced),
      (e: unknown) => e instanceof KnowledgeError && /surgeries\.json is invalid/.test(e.message),
    );
  });
  test('every diagnosis and surgery figure names its source', () => {
    for (const l of kb().data.limits) for (const d of l.byDiagnosis ?? []) assert.ok(d.source.length > 20, `${l.id} ${d.diagnosis}`);
    for (const s of kb().data.surgeries) assert.match(s.source, /9792\.24\.3/, s.id);
  });
  test('the deadlines the law sets name their statute or regulation, and one without its source is refused', () => {
    const f = kb().data.legalFigures;
    assert.match(f.imrApplication.source, /^8 CCR 9792\.10\.1\(b\)\(1\)/);
    assert.match(f.imrApplication.byMail.source, /^Code of Civil Procedure 1013/);
    assert.match(f.repeatRequest.source, /^Labor Code 4610\(k\)/);
    const unsourced = copyKnowledge((d) => rewrite(d, 'legal-figures.json', (x) => delete x.repeatRequest.source));
    assert.throws(
      () => loadKnowledgeDir(unsourced),
      (e: unknown) => e instanceof KnowledgeError && /legal-figures\.json is invalid/.test(e.message) && /repeatRequest\.source/.test(e.message),
    );
  });
});
