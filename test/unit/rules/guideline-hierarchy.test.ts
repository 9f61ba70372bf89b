import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { findCitations } from '../../../server/src/engine/parse/citations';
import { check, kb, repoRoot } from '../../helpers/repo';

const RULE = 'guideline-hierarchy';
const UR_RULE = 'ur-hierarchy-argument';
const FORM = 'REQUEST FOR AUTHORIZATION (DWC Form RFA)\nDiagnosis: lumbar strain (S39.012A)\n\n';

const findingsOf = (text: string, rule = RULE, kind: 'request' | 'appeal' = 'request') => check(text, { kind }).findings.filter((f) => f.rule === rule);

describe('ACOEM 3rd edition is recognised as a guideline outside the MTUS', () => {
  for (const written of ['ACOEM 3rd', 'ACOEM Practice Guidelines, 3rd Edition', 'ACOEM Guidelines, Third Edition', 'ACOEM 3rd Ed.']) {
    test(written, () => {
      const c = findCitations(`Per ${written}, Chapter 12, the request is supported.`, kb());
      assert.equal(c.length, 1, JSON.stringify(c));
      assert.equal(c[0].guideline, 'acoem-3');
      assert.deepEqual(c[0].resolved, [], 'never resolved to the MTUS adoption of ACOEM 2nd edition');
    });
  }
  test('"ACOEM Chapter 12, page 305" is still the 2nd edition the MTUS adopted', () => {
    const c = findCitations('ACOEM Chapter 12, page 305', kb());
    assert.equal(c[0].guideline, 'acoem-2');
  });
  test('an ACOEM 3rd citation is not reported as not found (it is a hierarchy question)', () => {
    const text = `${FORM}1. Acupuncture x 6, lumbar spine (ACOEM 3rd).\n`;
    assert.equal(check(text).findings.filter((f) => f.rule.startsWith('citation-')).length, 0);
  });
});

describe(RULE, () => {
  test('flags acupuncture supported by ODG; the fix cites the MTUS instead', () => {
    const text = `${FORM}1. Acupuncture x 6, lumbar spine (ODG).\n`;
    const f = findingsOf(text);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(
      f[0].message,
      'Acupuncture is addressed by the MTUS: cite 8 CCR 9792.24.1, 2007 (Acupuncture Medical Treatment Guidelines), not ODG; the MTUS takes precedence (8 CCR 9792.21.1)',
    );
    assert.match(text.slice(f[0].span.start, f[0].span.end), /^Acupuncture x 6/);
    assert.equal(f[0].fix!.certain, undefined, 'one MTUS citation: the fix is certain');
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.equal(fixed, `${FORM}1. Acupuncture x 6, lumbar spine (8 CCR 9792.24.1, 2007).\n`);
    assert.equal(findingsOf(fixed).length, 0, 'the fixed request is not flagged');
  });

  test('flags massage supported by ACOEM Practice Guidelines, 3rd Edition; the fix replaces the whole citation', () => {
    const text = `${FORM}1. Massage therapy x 4, lumbar spine, per ACOEM Practice Guidelines, 3rd Edition, Chapter 12.\n`;
    const f = findingsOf(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Massage therapy is addressed by the MTUS: cite CPMTG 2016, Massage therapy (Chronic Pain Medical Treatment Guidelines), not ACOEM 3rd edition; the MTUS takes precedence (8 CCR 9792.21.1)',
    );
    assert.equal(applyEdits(text, f[0].fix!.edits), `${FORM}1. Massage therapy x 4, lumbar spine, per CPMTG 2016, Massage therapy.\n`);
  });

  test('flags chiropractic citing "ACOEM 3rd"', () => {
    const f = findingsOf(`${FORM}1. Chiropractic manipulation x 6, lumbar spine (ACOEM 3rd).\n`);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^Chiropractic manipulation is addressed by the MTUS: cite CPMTG 2016, Manual therapy & manipulation .*not ACOEM 3rd edition/);
  });

  test('a request form that cites no guideline at all is not a hierarchy problem (guideline-not-cited says it, as information)', () => {
    assert.deepEqual(findingsOf(`${FORM}1. Physical therapy 2x3, lumbar spine.\n`), []);
    assert.deepEqual(
      check(`${FORM}1. Acupuncture 2x4, lumbar spine.\n`).findings.map((f) => [f.rule, f.severity]),
      [
        ['therapy-over-trial', 'error'],
        ['guideline-not-cited', 'information'],
      ],
    );
  });

  test('ODG is reported even on an item a therapy rule reports', () => {
    const rules = check(`${FORM}1. Acupuncture 2x4, lumbar spine (ODG).\n`).findings.map((f) => f.rule);
    assert.ok(rules.includes('therapy-over-trial') && rules.includes(RULE), rules.join(', '));
  });

  test('two items sharing one ODG citation: both flagged, the citation is edited once', () => {
    const text = `${FORM}1. Acupuncture x 6, cervical spine, and massage x 4, lumbar spine (ODG).\n`;
    const f = findingsOf(text);
    assert.equal(f.length, 2, JSON.stringify(f.map((x) => x.message)));
    const edits = f.flatMap((x) => x.fix?.edits ?? []);
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(text, edits), `${FORM}1. Acupuncture x 6, cervical spine, and massage x 4, lumbar spine (8 CCR 9792.24.1, 2007).\n`);
  });

  test('the paragraph decides before the document: ODG beside the item is flagged even when the MTUS is cited elsewhere', () => {
    const text = `${FORM}1. Acupuncture x 6, lumbar spine (ODG).\n\n2. Massage x 4, lumbar spine (MTUS Chronic Pain Medical Treatment Guidelines, page 60).\n`;
    const f = findingsOf(text);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^Acupuncture/);
  });

  test('does not flag an item citing the MTUS', () => {
    assert.equal(findingsOf(`${FORM}1. Acupuncture x 6, lumbar spine (8 CCR 9792.24.1, 2007).\n`).length, 0);
    assert.equal(findingsOf(`${FORM}1. Massage x 4, lumbar spine (MTUS Chronic Pain Medical Treatment Guidelines, page 60).\n`).length, 0);
  });

  test('does not flag an item with no citation of its own when the document cites the MTUS', () => {
    assert.equal(findingsOf(`${FORM}1. Acupuncture x 6, lumbar spine.\n\nSupport: MTUS Chronic Pain Medical Treatment Guidelines, page 60.\n`).length, 0);
  });

  test('does not flag ODG cited for a topic the MTUS does not address (no therapy item)', () => {
    assert.equal(findingsOf(`${FORM}1. Lumbar MRI, QTY 1 (ODG, Low Back, MRIs).\n`).length, 0);
  });

  test('does not flag a fragment or draft that is not the DWC Form RFA and cites nothing', () => {
    assert.equal(findingsOf('Physical therapy 2x3, lumbar spine.\n').length, 0);
    assert.equal(findingsOf('REQUEST FOR AUTHORIZATION\nPhysical therapy 2x3, lumbar spine.\n').length, 0, 'a heading alone is not the DWC form');
  });

  test('does not flag postsurgical therapy, judged by the Postsurgical Treatment Guidelines', () => {
    assert.equal(findingsOf(`${FORM}1. Postoperative physical therapy 2x6, right knee (ODG).\n`).length, 0);
  });

  test('does not run on appeal letters (ur-hierarchy-argument does)', () => {
    assert.equal(findingsOf(`${FORM}1. Acupuncture x 6, lumbar spine (ODG).\n`, RULE, 'appeal').length, 0);
  });
});

describe(UR_RULE, () => {
  const LETTER = (body: string) => `Re: Independent Medical Review appeal.\n\nDisputed item 1: 6 acupuncture sessions, lumbar spine\n\n${body}\n`;

  test('flags "UR non-certified this item citing the Official Disability Guidelines" as an argument to make', () => {
    const text = LETTER('UR non-certified this item citing the Official Disability Guidelines. The patient improved.');
    const f = findingsOf(text, UR_RULE, 'appeal');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.equal(
      f[0].message,
      'The UR decision relied on ODG for acupuncture, which the MTUS addresses (8 CCR 9792.24.1, 2007): argue that the MTUS governs (8 CCR 9792.21.1)',
    );
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'UR non-certified this item citing the Official Disability Guidelines.');
  });

  test('flags a quoted "Decision based on Non-MTUS Citation: Official Disability Guidelines (ODG)"', () => {
    const text = LETTER(
      'The UR reviewer non-certified the request, writing:\n   "Decision based on Non-MTUS Citation: Official Disability Guidelines (ODG), Low Back, Acupuncture."',
    );
    assert.equal(findingsOf(text, UR_RULE, 'appeal').length, 1);
  });

  test('flags "the UR reviewer relied on ODG" for physical therapy', () => {
    const text =
      'Re: IMR appeal.\n\nDisputed item 1: 6 physical therapy visits, lumbar spine\n\nThe UR reviewer relied on ODG. The patient improved in ADLs.\n';
    const f = findingsOf(text, UR_RULE, 'appeal');
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'The UR decision relied on ODG for physical therapy, which the MTUS addresses (CPMTG 2016, Physical medicine): argue that the MTUS governs (8 CCR 9792.21.1)',
    );
  });

  test('does not flag a letter that already argues the hierarchy', () => {
    assert.equal(
      findingsOf(LETTER('UR non-certified this item citing the Official Disability Guidelines. ODG does not apply: the MTUS governs.'), UR_RULE, 'appeal')
        .length,
      0,
    );
    assert.equal(
      findingsOf(LETTER('UR non-certified this item citing ODG. Under 8 CCR 9792.24.1, 3 to 6 treatments produce improvement.'), UR_RULE, 'appeal').length,
      0,
    );
  });

  test('does not flag ODG relied on for a topic the MTUS does not address', () => {
    assert.equal(
      findingsOf('Re: IMR appeal of the UR denial.\n\nDisputed item 1: lumbar MRI\n\nThe UR reviewer relied on ODG.\n', UR_RULE, 'appeal').length,
      0,
    );
  });

  test('does not run on requests', () => {
    assert.equal(findingsOf(LETTER('UR non-certified this item citing the Official Disability Guidelines.'), UR_RULE, 'request').length, 0);
  });
});

describe('the examples', () => {
  test('neither rule flags the example request or the example appeal (which already argues the hierarchy)', () => {
    for (const [file, kind] of [
      ['knee-and-back.rfa', 'request'],
      ['acupuncture-appeal.appeal', 'appeal'],
    ] as const) {
      const text = fs.readFileSync(path.join(repoRoot(), 'examples', file), 'utf8');
      const rules = check(text, { kind }).findings.map((f) => f.rule);
      assert.ok(!rules.includes(RULE) && !rules.includes(UR_RULE), `${file}: ${rules.join(', ')}`);
    }
  });
});
