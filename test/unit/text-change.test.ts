// Where two versions of a text differ (engine/incremental/change.ts), found by comparing blocks
// of shrinking size: the range must be exactly the one a character-by-character comparison finds,
// wherever the edit falls against the blocks' edges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textChange } from '../../server/src/engine/incremental/change';

/** The same range, found one character at a time. */
function slowChange(a: string, b: string) {
  const max = Math.min(a.length, b.length);
  let from = 0;
  while (from < max && a[from] === b[from]) from++;
  let tail = 0;
  while (tail < max - from && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from, oldTo: a.length - tail, newTo: b.length - tail };
}

test('the range an edit replaced, at every distance from the ends and across block edges', () => {
  let seed = 11;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const letters = 'ab \n';
  for (const size of [0, 1, 15, 16, 17, 63, 64, 65, 255, 256, 1023, 1024, 4095, 4096, 4097, 9000, 20_000]) {
    const text = Array.from({ length: size }, () => letters[rnd(letters.length)]).join('');
    for (let k = 0; k < 40; k++) {
      const at = rnd(size + 1);
      const cut = rnd(Math.min(30, size - at) + 1);
      const insert = Array.from({ length: rnd(4) }, () => letters[rnd(letters.length)]).join('');
      const after = text.slice(0, at) + insert + text.slice(at + cut);
      assert.deepEqual(textChange(text, after), slowChange(text, after), `size ${size}, at ${at}, cut ${cut}, insert ${JSON.stringify(insert)}`);
    }
  }
});
