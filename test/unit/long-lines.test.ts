import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readStructure } from '../../server/src/engine/structure/read';

// A document with no line breaks (prose whose every break became a space) is one line of
// megabytes. Reading it must cost in proportion to its length: a search from each cell to the
// end of the line made such a text cost the square of its length (issue 15's growth table). The
// work is counted, not timed: the characters the reader's string searches look at.

/** Runs `read`, counting the characters String.prototype.indexOf and charCodeAt look at meanwhile. */
function charactersLookedAt(read: () => void): number {
  const proto = String.prototype;
  const { indexOf, charCodeAt } = proto;
  let work = 0;
  proto.indexOf = function (this: string, search: string, from = 0) {
    const at = indexOf.call(this, search, from);
    work += (at < 0 ? this.length : at + search.length) - Math.max(0, from);
    return at;
  };
  proto.charCodeAt = function (this: string, i: number) {
    work++;
    return charCodeAt.call(this, i);
  };
  try {
    read();
  } finally {
    proto.indexOf = indexOf;
    proto.charCodeAt = charCodeAt;
  }
  return work;
}

// Sentences with two spaces after each full stop: every sentence is a cell of the line.
const line = (sentences: number) => 'The patient walked for ten minutes.  '.repeat(sentences);

describe('a very long line', () => {
  test('the structure reader looks at each character of it a bounded number of times', () => {
    const small = charactersLookedAt(() => readStructure(line(2000)));
    const large = charactersLookedAt(() => readStructure(line(4000)));
    assert.ok(large < small * 2.5, `twice the line, ${(large / small).toFixed(1)} times the work (${small} → ${large} characters)`);
  });
});
