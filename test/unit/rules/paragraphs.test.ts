import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paragraphOf } from '../../../server/src/engine/rules/paragraphs';

// paragraphOf answers from blank lines found once per text; this is the scan it replaced
// (the text before the span read left to right for its last blank line, the text after for
// its first), which it must match everywhere, runs of blank lines included.
function scanned(text: string, span: { start: number; end: number }) {
  const from = Math.max(0, span.start - 4000);
  const blank = /\n[ \t]*\r?\n/g;
  let start = from;
  for (let m; (m = blank.exec(text.slice(from, span.start)));) start = from + m.index + m[0].length;
  const to = Math.min(text.length, span.end + 4000);
  blank.lastIndex = 0;
  const after = blank.exec(text.slice(span.end, to));
  return { start, end: after ? span.end + after.index : to };
}

describe('paragraphOf', () => {
  test('a run of three blank lines: the paragraph starts where a left-to-right scan stops', () => {
    const text = 'one\n\n\n\ntwo words here';
    const at = text.indexOf('two');
    assert.deepEqual(paragraphOf(text, { start: at, end: at + 3 }), scanned(text, { start: at, end: at + 3 }));
  });
  test('matches the scan on random text of newlines, spaces, tabs and CRs, near and beyond 4,000 characters', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['\n', '\n', ' ', '\t', '\r', 'a', 'b', '\n\n', ' \n', '\r\n'];
    for (let t = 0; t < 400; t++) {
      const length = Math.floor(rnd() * (t % 10 === 0 ? 10_000 : 200));
      let text = '';
      while (text.length < length) text += pieces[Math.floor(rnd() * pieces.length)];
      for (let q = 0; q < 20; q++) {
        const start = Math.floor(rnd() * (text.length + 1));
        const span = { start, end: Math.min(text.length, start + Math.floor(rnd() * 20)) };
        assert.deepEqual(paragraphOf(text, span), scanned(text, span), JSON.stringify({ t, span }));
      }
    }
  });
});
