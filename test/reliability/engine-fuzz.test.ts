// The engine under any input (issue 11, section 5): mutated drafts and letters from ../shared,
// generated requests, random text, odd Unicode, huge numbers, CRLF and 100,000-character lines.
// analyze() never throws, finishes within a generous time per document, keeps every span inside
// the text, and never puts document text in a message beyond the words of the item the message
// is about (canary words planted in each document must not leak into other findings' messages).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/engine';
import { kb } from '../helpers/repo';
import { budgetScale, fuzzSeed, generatedDocument, mutate, mutation, sharedDocuments } from './documents';
import { tally } from './tally';

const TODAY = new Date('2017-03-01T12:00:00Z');
/** Generous: the engine takes about 1 ms for a 5 KB draft and 85 ms for 1 MB. */
const budgetMs = (chars: number) => 2000 + chars / 100;

const CANARY = /\bQzv[a-z]{2}\b/g;
/** Plant `n` canary words at word boundaries chosen by `at` (fractions of the text). */
function plant(text: string, at: number[]): string {
  let t = text;
  at.forEach((r, i) => {
    const spaces = [...t.matchAll(/ /g)].map((m) => m.index!);
    const pos = spaces.length ? spaces[Math.floor(r * spaces.length)] : Math.floor(r * t.length);
    t = `${t.slice(0, pos)} Qzv${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}${t.slice(pos)}`;
  });
  return t;
}

/** Everything that is wrong with one analysis, in words. */
function problems(text: string, a: Analysis, ms: number): string[] {
  const out: string[] = [];
  if (ms > budgetMs(text.length)) out.push(`took ${ms.toFixed(0)} ms for ${text.length} characters (bound ${budgetMs(text.length).toFixed(0)} ms)`);
  for (const f of a.findings) {
    const spans = [f.span, ...(f.related ?? [])];
    for (const s of spans) if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) out.push(`${f.rule}: span ${s.start}-${s.end} outside the text`);
    // Canaries a finding may repeat: those inside its own item (its span, restatements, the text its fix replaces).
    const own = new Set([...spans, ...(f.fix?.edits.map((e) => e.span) ?? [])].flatMap((s) => text.slice(s.start, s.end).match(CANARY) ?? []));
    for (const said of [f.message, f.fix?.title ?? '']) {
      for (const c of said.match(CANARY) ?? []) if (!own.has(c)) out.push(`${f.rule}: its message quotes "${c}", document text outside its item`);
    }
  }
  return out;
}

function run(text: string, kind?: 'request' | 'appeal'): string[] {
  const started = performance.now();
  let a: Analysis;
  try {
    a = analyze(text, kb(), { kind, today: TODAY });
  } catch (e) {
    return [`analyze threw: ${(e as Error)?.stack ?? e}`];
  }
  return problems(text, a, performance.now() - started);
}

/** Check a property over `runs` samples; fail with the smallest counterexample fast-check finds. */
function fuzz<T>(part: string, arb: fc.Arbitrary<T>, runs: number, toDoc: (x: T) => { text: string; kind?: 'request' | 'appeal' }): void {
  let last: string[] = [];
  const r = fc.check(
    fc.property(arb, (x) => {
      const { text, kind } = toDoc(x);
      last = run(text, kind);
      return last.length === 0;
    }),
    { seed: fuzzSeed(), numRuns: runs },
  );
  tally('engine', r.numRuns, r.failed ? 1 : 0);
  if (r.failed) {
    const doc = toDoc(r.counterexample![0]);
    assert.fail(
      `${part}: ${run(doc.text, doc.kind).join('; ') || last.join('; ')}\ncounterexample (${doc.text.length} characters): ${JSON.stringify(doc.text.slice(0, 2000))}`,
    );
  }
}

const positions = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 4 });
const ODD = [
  '\u0000',
  '\uFEFF',
  '\u200B',
  '\u200D',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u0301',
  '\uD800',
  '\uDC00',
  '\u{1F4AA}',
  'é',
  'ﬁ',
  'Ⅻ',
  '٣',
  '१२',
  '\t',
  '\f',
  '\v',
  '\r',
  '\u00A0',
];
const HUGE = ['99999999999999999999', '9007199254740993', '1e308', '0x10', '1,000,000', '12.5', '-4', '00012', '٣', '²'];

describe('the checks themselves', () => {
  test('a message quoting a canary from outside its item, a span outside the text, and a slow run are each caught', () => {
    const text = 'Acupuncture 2x4 low back. Qzvaa was here.';
    const finding = { rule: 'therapy-over-trial', severity: 'error' as const, span: { start: 0, end: 15 }, message: 'leaks Qzvaa' };
    const caught = problems(text, { findings: [finding, { ...finding, message: 'fine', span: { start: 0, end: 999 } }] } as unknown as Analysis, 1e9);
    assert.equal(caught.length, 3, caught.join('\n'));
    assert.deepEqual(
      problems(text, { findings: [{ ...finding, span: { start: 0, end: text.length } }] } as unknown as Analysis, 1),
      [],
      'its own item may be quoted',
    );
  });
});

describe('the engine under any input', () => {
  const scale = budgetScale();
  const docs = sharedDocuments();

  test('mutated drafts and IMR letters from ../shared, with canary words planted', () => {
    const arb = fc.record({ doc: fc.nat(docs.length - 1), ops: fc.array(mutation, { maxLength: 6 }), at: positions });
    fuzz('mutated document', arb, Math.round(150 * scale), ({ doc, ops, at }) => ({ text: plant(mutate(docs[doc].text, ops), at), kind: docs[doc].kind }));
  });

  test('every draft and letter as it is, and with CRLF line ends', () => {
    let failed: string[] = [];
    for (const d of docs) {
      for (const text of [d.text, d.text.replace(/\r?\n/g, '\r\n')]) {
        const p = run(text, d.kind);
        tally('engine', 1, p.length ? 1 : 0);
        if (p.length) failed = [...failed, `${d.name}: ${p.join('; ')}`];
      }
    }
    assert.deepEqual(failed, []);
  });

  test('generated requests, with canary words planted', () => {
    fuzz('generated request', fc.tuple(generatedDocument, positions), Math.round(300 * scale), ([text, at]) => ({ text: plant(text, at), kind: 'request' }));
  });

  test('random text, and random Unicode', () => {
    fuzz('random text', fc.string({ maxLength: 400 }), Math.round(100 * scale), (text) => ({ text }));
    fuzz('random Unicode', fc.string({ unit: 'grapheme', maxLength: 200 }), Math.round(100 * scale), (text) => ({ text }));
    fuzz('random code units (lone surrogates)', fc.string({ unit: 'binary', maxLength: 200 }), Math.round(100 * scale), (text) => ({ text }));
  });

  test('odd Unicode and huge numbers spliced into requests', () => {
    const arb = fc.tuple(
      generatedDocument,
      fc.array(fc.tuple(fc.constantFrom(...ODD, ...HUGE), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })), { minLength: 1, maxLength: 6 }),
    );
    fuzz('spliced request', arb, Math.round(200 * scale), ([text, splices]) => {
      let t = text;
      for (const [piece, r] of splices) {
        const at = Math.floor(r * (t.length + 1));
        t = t.slice(0, at) + piece + t.slice(at);
      }
      return { text: t, kind: 'request' };
    });
  });

  test('100,000-character lines: one request repeated, prose, no spaces, and numbers', () => {
    const lines = [
      'Acupuncture 2x4 low back; '.repeat(4000),
      'The patient was seen today for follow-up of the work injury '.repeat(1700),
      'x'.repeat(100_000),
      '1x'.repeat(50_000),
      'Physical therapy QTY 12 '.repeat(4200),
      `${'('.repeat(50_000)}${')'.repeat(50_000)}`,
    ];
    for (const line of lines) {
      for (const text of [line, `Requested:\r\n${line}\r\nSincerely,\r\n`]) {
        const p = run(text, 'request');
        tally('engine', 1, p.length ? 1 : 0);
        assert.deepEqual(p, [], `a line of ${JSON.stringify(line.slice(0, 30))}…`);
      }
    }
  });
});
