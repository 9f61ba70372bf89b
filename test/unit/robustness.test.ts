import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, hoverAt, type Analysis } from '../../server/src/engine';
import { check, corpusDir, kb } from '../helpers/repo';
import { readLetters } from '../helpers/letters';

// Whatever a draft holds, the engine answers: no exception, spans inside the text, fixes that
// apply cleanly. Inputs come from a seeded generator over the pieces drafts are made of.

const PIECES = [
  'Acupuncture',
  'PT',
  'chiropractic',
  'massage',
  'x',
  'X',
  '×',
  ' times ',
  'twice a week for',
  'weeks',
  'sessions',
  'visits',
  'QTY',
  'qty:',
  '#',
  '(',
  ')',
  '[',
  ']',
  '-',
  '–',
  '/',
  ':',
  ',',
  '.',
  ';',
  '\n',
  '\r\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '2',
  '4',
  '12',
  '18',
  '0',
  '999',
  'eight',
  'Twelve',
  '1-3',
  '12-18',
  'to',
  'additional',
  'completed',
  'MTUS',
  'Chronic Pain Medical Treatment 2016, Section(s):',
  'Page(s):',
  'ACOEM Chapter',
  '8 CCR 9792.',
  'Labor Code',
  'guidelines recommend',
  'returned to modified duty',
  'pain 8/10',
  'Non-MTUS',
  'é',
  '😀',
  '\u0000',
  '\uFEFF',
  '\u2028',
];

function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function checkInvariants(text: string, a: Analysis): void {
  for (const f of a.findings) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `span of ${f.rule}`);
    if (f.fix) {
      for (const e of f.fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length, `edit of ${f.rule}`);
      applyEdits(text, f.fix.edits); // throws on overlapping edits
    }
  }
}

describe('the engine never throws', () => {
  test('800 generated drafts', () => {
    const rnd = generator(20261122);
    for (let n = 0; n < 800; n++) {
      let text = '';
      const len = Math.floor(rnd() * 60);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(rnd() * PIECES.length)] + (rnd() < 0.5 ? ' ' : '');
      let a: Analysis;
      try {
        a = check(text);
      } catch (e) {
        assert.fail(`analyze threw on ${JSON.stringify(text)}: ${(e as Error).stack}`);
      }
      checkInvariants(text, a);
      for (let at = 0; at <= text.length; at += 7) hoverAt(a, text, at, kb());
      // Applying every certain fix at once (as fix-all does) must also work; fill-in fixes are
      // offered one at a time and never applied together.
      applyEdits(
        text,
        a.findings.flatMap((f) => (f.fix && f.fix.certain !== false ? f.fix.edits : [])),
      );
    }
  });

  test('empty, whitespace-only and one-character documents', () => {
    for (const text of ['', ' ', '\n', '\r\n\r\n', 'x', '2', '(', '§']) checkInvariants(text, check(text));
  });

  test('a document that is one very long line', () => {
    const text = 'Acupuncture 2x4 low back; '.repeat(20_000);
    const a = check(text);
    checkInvariants(text, a);
    assert.equal(a.findings.length, 1, 'the same request repeated is one finding');
  });

  const dir = corpusDir();
  test('every letter of the corpus, with hovers across it', { skip: dir ? false : 'corpus absent' }, () => {
    for (const { file, text } of readLetters(dir!)) {
      let a: Analysis;
      try {
        a = check(text);
      } catch (e) {
        assert.fail(`analyze threw on ${file}: ${(e as Error).stack}`);
      }
      checkInvariants(text, a);
      for (let at = 0; at < text.length; at += 97) hoverAt(a, text, at, kb());
    }
  });
});
