import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { check, kb } from '../helpers/repo';

// Which Chronic Pain edition a document is judged by, and that every figure says which it is.
describe('the guideline edition', () => {
  test('the default is the edition the knowledge base holds most completely', () => {
    const k = kb();
    const count = (e: string) => k.data.citations.filter((c) => k.guideline(c.guideline)?.edition === e).length;
    assert.ok(k.editions.includes('2009') && k.editions.includes('2016'));
    assert.equal(k.defaultEdition, count('2016') > count('2009') ? '2016' : '2009');
    const a = check('Chiropractic 2x4 lumbar');
    assert.equal(a.edition, k.defaultEdition);
    assert.equal(a.editionReason, 'default');
  });
  test('the setting chooses the edition, and the message cites it', () => {
    const a = check('Chiropractic 2x4 lumbar', { edition: '2009' });
    assert.equal(a.editionReason, 'setting');
    assert.match(a.findings[0].message, /\(CPMTG 2009 pp\. 58-59\)/);
    assert.equal(a.findings[0].edition, '2009');
    const b = check('Chiropractic 2x4 lumbar', { edition: '2016' });
    assert.match(b.findings[0].message, /\(CPMTG 2016, Manual therapy & manipulation\)/);
    assert.equal(b.findings[0].edition, '2016');
  });
  test('"auto" follows the edition the document itself cites', () => {
    const a = check('Per the MTUS Chronic Pain Medical Treatment Guidelines, page 60: massage therapy x 8 with a home exercise program.', { edition: 'auto' });
    assert.equal(a.edition, '2009');
    assert.equal(a.editionReason, 'document');
    assert.match(a.findings[0].message, /\(CPMTG 2009 p\. 60\)/);
  });
  test('an edition the knowledge base does not hold falls back to auto', () => {
    assert.equal(check('Chiropractic 2x4', { edition: '2031' }).editionReason, 'default');
  });
  test('every therapy and medication finding names the edition of its figure', () => {
    const text =
      'Acupuncture 2x4 low back. Chiropractic 2x4 lumbar. Massage x 8 with a home exercise program. Physical therapy 3x4, lumbar spine.\nStatus post Bankart repair. Post-op physical therapy 2x14.\nRequest Norco 10/325 #120. Pantoprazole 20mg #30. Cyclobenzaprine 7.5 mg #60 twice daily.';
    const rules = check(text).findings.map((f) => f.rule);
    for (const r of [
      'therapy-over-trial',
      'therapy-over-maximum',
      'postsurgical-over-limit',
      'medication-opioid-monitoring',
      'medication-ppi-without-gi-risk',
      'medication-muscle-relaxant-duration',
    ])
      assert.ok(rules.includes(r), `${r} among ${rules}`);
    for (const f of check(text).findings) {
      assert.ok(f.edition, `${f.rule} carries an edition`);
      assert.ok(f.message.includes(f.edition!), `${f.rule}: "${f.message}" names ${f.edition}`);
    }
  });
  test('the hover says which edition the item is judged by, and why', () => {
    const text = 'Chiropractic 2x4 lumbar';
    const h = hoverAt(check(text, { edition: '2009' }), text, 2, kb())!;
    assert.match(h.markdown, /Judged by the CPMTG 2009 figures: chosen in the mtusLint\.edition setting/);
    const acu = 'Acupuncture 2x4';
    assert.match(hoverAt(check(acu), acu, 2, kb())!.markdown, /Acupuncture MTG is the only edition mtus-lint holds for this treatment/);
  });
});
