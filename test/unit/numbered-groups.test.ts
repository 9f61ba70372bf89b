// Issue 15: the citation opener runs with numbered groups in place of named ones (a match of a
// regex with named groups makes a `groups` object, megabytes on a long document). The numbered
// pattern must find exactly what the named one finds, every group included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberedGroups } from '../../server/src/engine/parse/numbered-groups';
import { OPENER, openerGroup } from '../../server/src/engine/parse/citation-openers';

/** Every match of both patterns over `text`: the same spans, and each name's group the same. */
function assertSame(named: RegExp, text: string): number {
  const { re, index } = numberedGroups(named);
  const a = [...text.matchAll(named)];
  const b = [...text.matchAll(re)];
  assert.deepEqual(
    b.map((m) => [m.index, m[0]]),
    a.map((m) => [m.index, m[0]]),
  );
  for (let i = 0; i < a.length; i++) {
    for (const [name, value] of Object.entries(a[i].groups ?? {})) assert.equal(b[i][index[name]], value, `group ${name} of match ${i}`);
  }
  return a.length;
}

test('groups are numbered past escapes, character classes, look-arounds and unnamed groups', () => {
  const named = /(?<![\w(])\((?<a>[(\]]x)(?:y|(z))(?<b>\d+(?<c>[a-c]))?(?=\))|\[(?<d>[^\]]*)\]|\\(?<e>\w)/g;
  const n = assertSame(named, ' (]xz12b) and ([x) [inside (a) class] \\q, ((xy9c)');
  assert.equal(n, 4, 'the sample has four matches');
  const { index } = numberedGroups(named);
  assert.deepEqual(index, { a: 1, b: 3, c: 4, d: 5, e: 6 });
});

test('the citation opener reads the same parts of a citation by number', () => {
  const text = [
    'Per MTUS Chronic Pain Medical Treatment Guidelines 2009, page 99, and 8 C.C.R. 9792.24.2(a),',
    'MTUS ACOEM Low Back Complaints 2004 Chapter 12; Labor Code Section 4610.5(c)(2); ODG Knee.',
    'CA MTUS (2016) Chronic Pain Treatment Guidelines; § 9792.20(e); MTUS Hip Complaints 2004.',
  ].join('\n');
  OPENER.lastIndex = 0;
  const parts = [...text.matchAll(OPENER)].map((m) => [
    m[0],
    openerGroup(m, 'year'),
    openerGroup(m, 'reg') ?? openerGroup(m, 'reg2'),
    openerGroup(m, 'lc'),
    openerGroup(m, 'ch12'),
  ]);
  assert.deepEqual(parts, [
    ['MTUS Chronic Pain Medical Treatment Guidelines 2009', '2009', undefined, undefined, undefined],
    ['8 C.C.R. 9792.24.2(a)', undefined, '9792.24.2(a)', undefined, undefined],
    ['MTUS ACOEM Low Back Complaints 2004', undefined, undefined, undefined, 'Low Back Complaints'],
    ['Labor Code Section 4610.5(c)(2)', undefined, undefined, '4610.5(c)(2)', undefined],
    ['ODG', undefined, undefined, undefined, undefined],
    ['CA MTUS (2016) Chronic Pain Treatment Guidelines', undefined, undefined, undefined, undefined],
    ['§ 9792.20(e)', undefined, '9792.20(e)', undefined, undefined],
    ['MTUS Hip Complaints 2004', undefined, undefined, undefined, undefined],
  ]);
});

test('a named backreference is refused, not silently renumbered wrong', () => {
  assert.throws(() => numberedGroups(/(?<q>['"]).*?\k<q>/), /named backreferences/);
});
