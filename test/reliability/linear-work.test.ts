// Every kind of document costs in proportion to its length (issue 11 §2, issue 15): the
// development drafts (forms with tables and boxes, progress reports, appeal letters), each
// repeated, and the benchmark's growth shapes. The work is counted, not timed
// (helpers/work-count.ts): the elements the array methods visit and the characters the string
// searches look at. A loop over a document's items, courses or findings that searches the whole
// of another list each time shows as a count sixteen times larger for four times the text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine';
import { kindFromPath } from '../../server/src/cli/check';
import { charactersLookedAt, elementsVisited } from '../helpers/work-count';
import { kb, repoRoot } from '../helpers/repo';
import { draftsDir, readExpectations } from '../measure/drafts-expected';

const knowledge = kb();
/** Both counts for one analysis of `text`. */
function work(text: string, kind: ReturnType<typeof kindFromPath>): { elements: number; characters: number } {
  let elements = 0;
  const characters = charactersLookedAt(() => {
    elements = elementsVisited(() => analyze(text, knowledge, { kind, maxLength: text.length }));
  });
  return { elements, characters };
}

/** Four times the text may cost at most five times the work: linear with room for what each size adds once. */
function assertLinear(name: string, small: string, large: string, kind: ReturnType<typeof kindFromPath>): void {
  const a = work(small, kind);
  const b = work(large, kind);
  const ratio = large.length / small.length;
  for (const k of ['elements', 'characters'] as const) {
    const grew = b[k] / Math.max(a[k], 1);
    assert.ok(grew <= 1.25 * ratio, `${name}: ${ratio.toFixed(1)} times the text, ${grew.toFixed(1)} times the ${k} (${a[k]} → ${b[k]})`);
  }
}

const copies = (text: string, n: number) => Array.from({ length: n }, () => text).join('\n');

describe('the work of an analysis grows in proportion to the text', () => {
  test('each development draft, repeated 4 and 16 times', () => {
    const dir = draftsDir(repoRoot());
    readExpectations(dir); // fails, saying where the drafts should be, when they are absent
    const files = fs.readdirSync(dir).filter((f) => kindFromPath(f) !== undefined || f.endsWith('.txt'));
    assert.ok(files.length >= 40, `${files.length} drafts in ${dir}`);
    for (const f of files) {
      const seed = fs.readFileSync(path.join(dir, f), 'utf8');
      assertLinear(f, copies(seed, 4), copies(seed, 16), kindFromPath(f));
    }
  });

  test("each of the benchmark's growth shapes, 16 KB and 64 KB", async () => {
    const { GROWTH_SHAPES } = (await import(pathToFileURL(path.join(repoRoot(), 'scripts', 'bench', 'documents.mjs')).href)) as {
      GROWTH_SHAPES: Record<string, { make(size: number): string }>;
    };
    for (const [name, { make }] of Object.entries(GROWTH_SHAPES)) assertLinear(name, make(16 * 1024), make(64 * 1024), undefined);
  });
});
