// Issue 15: what the memo keeps across versions holds no old version's text. A string sliced
// from a document holds the whole text; a reading kept while the editor moves on would keep
// that version alive, one more for every keystroke at a new place (engine/incremental/shift.ts).
// Typing here and there in a long document must leave the heap about where it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { longDraft } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('keystrokes all over a long document keep none of its old versions alive', (t) => {
  // About 200 KB; every version is a new string of that size (two bytes a character).
  let text = Array.from({ length: Math.ceil(200_000 / longDraft.length) }, () => longDraft).join('\n\n');
  const memo = new AnalysisMemo();
  analyze(text, kb(), {}, memo);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const edit = () => {
    const at = Math.floor(rnd() * text.length);
    text = rnd() < 0.5 ? `${text.slice(0, at)}x${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
    analyze(text, kb(), {}, memo);
  };
  for (let i = 0; i < 20; i++) edit();
  const before = heap();
  for (let i = 0; i < 80; i++) edit();
  const grown = (heap() - before) / 1e6;
  // Keeping each version's text would grow it by tens of megabytes.
  t.diagnostic(`${grown.toFixed(1)} MB`);
  assert.ok(grown < 8, `the heap grew ${grown.toFixed(1)} MB over 80 keystrokes`);
});
