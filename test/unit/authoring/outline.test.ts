// The Outline view: items, medications and citations; for letters, denials and responses.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { outline, type OutlineNode } from '../../../server/src/engine';
import { denialReason } from '../../../server/src/engine/aids/letter-outline';
import { check, kb, repoRoot } from '../../helpers/repo';

const tree = (text: string, kind: 'request' | 'appeal') => outline(check(text, { kind }), text, kb());
const shape = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [`${n.kind}: ${n.name}`]: shape(n.children) } : `${n.kind}: ${n.name}`));

function assertValid(nodes: OutlineNode[], text: string, parent?: OutlineNode): void {
  for (const n of nodes) {
    assert.ok(n.name.trim(), 'a name');
    assert.ok(n.range.start <= n.selection.start && n.selection.end <= n.range.end, `selection inside range: ${n.name}`);
    assert.ok(0 <= n.range.start && n.range.end <= text.length, n.name);
    if (parent && parent.kind !== 'citations')
      assert.ok(parent.range.start <= n.range.start && n.range.end <= parent.range.end, `${n.name} inside ${parent.name}`);
    assertValid(n.children, text, n);
  }
}

describe('outline of a request', () => {
  const text = [
    'REQUESTED TREATMENT',
    '1. Acupuncture 2x4 low back',
    '2. Massage therapy 4 visits, lumbar, with the home exercise program (MTUS Chronic Pain Medical Treatment Guidelines, page 60)',
    '3. Chiropractic manipulation 1x4, right knee',
    '4. Cyclobenzaprine 7.5 mg #60, one tablet twice daily',
    '',
  ].join('\n');

  test('each item with its reading and state, medications, citations grouped', () => {
    const nodes = tree(text, 'request');
    assert.deepEqual(shape(nodes), [
      'item: Acupuncture 2x4 — low back — 8 sessions (over the 3–6 trial)',
      'item: Massage therapy 4 visits — low back — 4 visits (within limit)',
      { 'citations: Citations': ['citation: MTUS Chronic Pain Medical Treatment Guidelines, page 60'] },
      'item: Chiropractic manipulation 1x4 — knee — 4 visits (not recommended for this body part)',
      'item: Cyclobenzaprine 7.5 mg #60, one tablet twice daily — 30 days'.replace('item:', 'medication:'),
    ]);
    assertValid(nodes, text);
    const acu = nodes[0];
    assert.equal(text.slice(acu.range.start, acu.range.end), '1. Acupuncture 2x4 low back', 'range: the line');
    assert.equal(text.slice(acu.selection.start, acu.selection.end), 'Acupuncture 2x4 low back', 'selection: the item');
    assert.equal(nodes[2].children[0].detail, 'CPMTG 2009 p. 60');
  });
});

describe('outline of an appeal letter', () => {
  test('two denial reasons under headings, each with its response', () => {
    const text = [
      'Dear Reviewer:',
      '',
      'I appeal the denial of acupuncture 6 sessions for the low back.',
      '',
      'Denial reason 1: The UR denied the acupuncture because there was no documentation of functional improvement.',
      '',
      'Response to reason 1: She returned to modified duty and her ADLs improved; Norco was reduced from 10/325 to 5/325.',
      '',
      'Denial reason 2: The reviewer stated the request exceeds the guideline.',
      '',
      'Response to reason 2: Six sessions are within the 3-6 trial of 8 CCR 9792.24.1.',
      '',
      'Sincerely,',
      'Dr. A. Physician',
    ].join('\n');
    const nodes = tree(text, 'appeal');
    const denials = nodes.filter((n) => n.kind === 'denial');
    assert.deepEqual(
      denials.map((d) => [d.name, d.detail, d.children.map((c) => `${c.kind}: ${c.name}`)]),
      [
        [
          'Denial: no documentation of functional improvement',
          'Denial reason 1',
          ['response: Response: She returned to modified duty and her ADLs improved; Norco was…'],
        ],
        ['Denial: exceeds the guideline', 'Denial reason 2', ['response: Response: Six sessions are within the 3-6 trial of 8 CCR 9792.24.1']],
      ],
    );
    assert.ok(
      nodes.some((n) => n.kind === 'item' && n.name.startsWith('Acupuncture 6 sessions')),
      JSON.stringify(shape(nodes)),
    );
    assertValid(nodes, text);
  });

  test('the same letter in prose: denials read from sentences, responses from the paragraphs after them', () => {
    const text = [
      'The utilization review non-certified the massage therapy as not medically necessary. The patient has',
      'since completed a home exercise program and massage is an adjunct to it.',
      '',
      'Her pain improved. ',
      '',
      'UR also denied physical therapy 2x4 because it exceeds the MTUS guidelines.',
      '',
      'In response, the 8 visits are within the 8-10 visits the guideline allows.',
      '',
      'For these reasons I ask that the UR decision be overturned.',
    ].join('\n');
    const nodes = tree(text, 'appeal');
    const denials = nodes.filter((n) => n.kind === 'denial');
    assert.deepEqual(
      denials.map((d) => d.name),
      ['Denial: not medically necessary', 'Denial: exceeds the MTUS guidelines'],
    );
    // Long sentences are cut at a word with "…": compare their beginnings.
    const names = (n: OutlineNode) => n.children.map((c) => `${c.kind}: ${c.name}`).join('\n');
    assert.match(names(denials[0]), /^response: Response: The patient has since completed a home exercise program.*…\nresponse: Response: Her pain improved$/);
    assert.match(names(denials[1]), /^item: Physical therapy 2x4 — 8 visits \(within limit\)\nresponse: Response: In response, the 8 visits are within .*…$/);
    assert.ok(!nodes.some((n) => /overturned/.test(n.name)), 'the closing is no response');
    assertValid(nodes, text);
  });

  test('the example letter: each disputed item a section holding its item, denial and responses', () => {
    const text = fs.readFileSync(path.join(repoRoot(), 'examples', 'acupuncture-appeal.appeal'), 'utf8');
    const nodes = tree(text, 'appeal');
    const sections = nodes.filter((n) => n.kind === 'section');
    assert.deepEqual(
      sections.map((s) => s.name.slice(0, 16)),
      ['Disputed item 1:', 'Disputed item 2:'],
    );
    assert.deepEqual(
      sections[0].children.map((c) => c.kind),
      ['item', 'denial'],
    );
    assert.equal(sections[0].children[1].name, 'Denial: citing the Official Disability Guidelines');
    assert.equal(sections[0].children[1].children.length, 2);
    assert.match(sections[1].children[0].name, /^Massage therapy twice a week for six weeks — low back — 12 visits \(over the 4–6 visit maximum\)$/);
    assert.ok(nodes.some((n) => n.kind === 'citations' && n.children.length >= 5));
    assertValid(nodes, text);
  });

  test('headings in capitals head sections; an address in capitals does not', () => {
    const text = [
      'MAXIMUS FEDERAL SERVICES',
      'Sacramento, CA',
      '',
      'DISPUTED TREATMENT: ACUPUNCTURE',
      'Acupuncture 2x3, lumbar spine.',
      '',
      'UR RATIONALE:',
      'The request was denied as not medically necessary.',
      '',
      'RESPONSE:',
      'She returned to work.',
    ].join('\n');
    assert.deepEqual(shape(tree(text, 'appeal')), [
      {
        'section: DISPUTED TREATMENT: ACUPUNCTURE': [
          'item: Acupuncture 2x3 — low back — 6 sessions (within limit)',
          { 'denial: Denial: not medically necessary': ['response: Response: She returned to work'] },
        ],
      },
    ]);
  });

  test('the outline of every other kind of text stays valid', () => {
    const text = fs.readFileSync(path.join(repoRoot(), 'examples', 'knee-and-back.rfa'), 'utf8');
    assertValid(tree(text, 'appeal'), text);
    assertValid(tree(text, 'request'), text);
    assert.deepEqual(tree('', 'appeal'), []);
  });
});

describe('denial reasons', () => {
  test('who denied and why', () => {
    assert.equal(
      denialReason('The UR denied the request because there was no documentation of functional improvement.'),
      'no documentation of functional improvement',
    );
    assert.equal(denialReason('The request was denied as not medically necessary.'), 'not medically necessary');
    assert.equal(denialReason('UR non-certified this item citing the Official Disability Guidelines.'), 'citing the Official Disability Guidelines');
    assert.equal(denialReason('The reviewer found that the request exceeds the recommended number of visits.'), 'exceeds the recommended number');
    assert.equal(denialReason('The denial states that functional improvement was not documented.'), 'functional improvement was not documented');
    assert.equal(denialReason('The denial was based on the lack of documented functional improvement.'), 'lack of documented functional improvement');
  });
  test('not a denial reason', () => {
    assert.equal(denialReason('I ask that the UR decision be overturned.'), undefined);
    assert.equal(denialReason('Utilization review denied two items from my Request for Authorization.'), undefined);
    assert.equal(denialReason('The guideline does not recommend more than 6 visits.'), undefined);
    assert.equal(denialReason('The UR decision is attached.'), undefined);
  });
});
