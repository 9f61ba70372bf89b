import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { defaultKnowledgeDir, KnowledgeError, parseKnowledge } from '../../../server/src/knowledge/load';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'manual-therapy-body-region';
const WORDING =
  'CPMTG 2016, Manual therapy & manipulation: manual therapy is not recommended for the ankle and foot, forearm, wrist and hand, carpal tunnel syndrome, or the knee';

describe(RULE, () => {
  const mustFlag: [string, string][] = [
    [
      'Chiropractic 2x3 for the right knee',
      `Chiropractic for the knee is not recommended (${WORDING}); request physical therapy or cite why the guideline does not fit`,
    ],
    [
      'Manipulation x 6 for carpal tunnel',
      `Manipulation for carpal tunnel syndrome is not recommended (${WORDING}); request physical therapy or cite why the guideline does not fit`,
    ],
    [
      'Chiropractic manipulation, CPT 98940, QTY 6, right wrist.',
      `Chiropractic for the wrist is not recommended (${WORDING}); request physical therapy or cite why the guideline does not fit`,
    ],
    [
      'Manual therapy 2x3 left ankle and foot',
      `Manual therapy for the ankle and the foot is not recommended (${WORDING}); request physical therapy or cite why the guideline does not fit`,
    ],
    [
      'Chiropractic treatment 6 visits for the right forearm and hand',
      `Chiropractic for the forearm and the hand is not recommended (${WORDING}); request physical therapy or cite why the guideline does not fit`,
    ],
    // several regions, only some excluded: say which
    [
      'CMT 2x4 for the low back and left ankle',
      `Chiropractic manipulation for the ankle is not recommended (${WORDING}); request chiropractic manipulation for the low back only and physical therapy for the ankle, or cite why the guideline does not fit`,
    ],
  ];
  for (const [text, message] of mustFlag) {
    test(`flags: ${text}`, () => {
      const findings = check(text).findings;
      const f = findings.filter((x) => x.rule === RULE);
      assert.equal(f.length, 1, JSON.stringify(findings.map((x) => x.message)));
      assert.equal(f[0].message, message);
      assert.equal(f[0].severity, 'error');
      assert.equal(f[0].fix, undefined, 'no certain fix');
      assert.equal(f[0].citation?.id, 'cpmtg2016-manual-therapy');
    });
  }
  const mustNot = [
    'Chiropractic 2x3 for the low back',
    'Chiropractic manipulation 6 visits cervical spine',
    'Physical therapy 2x4 for the right knee',
    'Acupuncture x 6 for the right wrist',
    'Chiropractic 2x3 for the right elbow', // letters sometimes name the elbow; the guideline does not
    'Post-op manual therapy 2x4 right knee', // postsurgical: 8 CCR 9792.24.3
    'Chiropractic 2x3', // no region named: nothing to judge
  ];
  for (const text of mustNot) {
    test(`does not flag: ${text}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }
  test('one diagnostic per item: the quantity rules stay silent when the region is excluded', () => {
    // 12 chiropractic visits without improvement would be above the 6-visit trial; 30 above the cap
    assert.deepEqual(rulesOf('Chiropractic 2x6 for the right knee'), [RULE]);
    assert.deepEqual(rulesOf('Completed 20 chiropractic visits. Request additional chiropractic 2x5 for the knee.'), [RULE]);
  });
  test('the quantity rules still judge an item for an allowed region', () => {
    assert.deepEqual(rulesOf('Chiropractic 2x6 for the low back'), ['therapy-over-trial']);
  });
  test('can be turned off', () => {
    assert.deepEqual(
      rulesOf('Chiropractic 2x3 for the right knee', { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
  test('the knowledge base names the regions with their source, and the loader checks the ids', () => {
    const dir = defaultKnowledgeDir();
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const raw = {
      version: 'test',
      guidelines: read('guidelines.json'),
      citations: read('citations.json'),
      treatments: read('treatments.json'),
      limits: read('limits.json'),
      bodyRegions: read('body-regions.json'),
      legalFigures: read('legal-figures.json'),
    };
    const manual = raw.limits.find((l: { treatment: string }) => l.treatment === 'manual-therapy');
    assert.deepEqual([...manual.notRecommended.regions].sort(), ['ankle', 'foot', 'forearm', 'hand', 'knee', 'wrist']);
    assert.match(manual.notRecommended.source, /pp\. 58-59/);
    manual.notRecommended.regions.push('kneecap');
    assert.throws(
      () => parseKnowledge(raw, 'test'),
      (e: unknown) => e instanceof KnowledgeError && /unknown body region "kneecap" in notRecommended/.test(e.message),
    );
  });
});
