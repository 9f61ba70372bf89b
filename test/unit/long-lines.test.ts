import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readStructure } from '../../server/src/engine/structure/read';
import { charactersLookedAt } from '../helpers/work-count';

// A document with no line breaks (prose whose every break became a space) is one line of
// megabytes. Reading it must cost in proportion to its length: a search from each cell to the
// end of the line made such a text cost the square of its length (issue 15's growth table). The
// work is counted, not timed (helpers/work-count.ts).

// Sentences with two spaces after each full stop: every sentence is a cell of the line.
const line = (sentences: number) => 'The patient walked for ten minutes.  '.repeat(sentences);

describe('a very long line', () => {
  test('the structure reader looks at each character of it a bounded number of times', () => {
    const small = charactersLookedAt(() => readStructure(line(2000)));
    const large = charactersLookedAt(() => readStructure(line(4000)));
    assert.ok(large < small * 2.5, `twice the line, ${(large / small).toFixed(1)} times the work (${small} → ${large} characters)`);
  });
});
