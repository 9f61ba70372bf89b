// The New Treatment Request and New IMR Appeal Letter templates, filled in the way a writer fills
// them (every tab stop: its default where the template gives one, else a realistic invented
// value), draw no diagnostics from the rules they were written for. The citations they carry
// resolve to the entries they name, in the edition's own form, as the guideline browser's do.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APPEAL_SECTIONS } from '../../client/src/templates/appeal';
import { REQUEST_SECTIONS } from '../../client/src/templates/request';
import { findCitations } from '../../server/src/engine/parse/citations';
import { guidelineEntries } from '../../server/src/features/guidelines';
import { templateCitations } from '../../server/src/features/templates';
import type { TemplateEdition, TemplateItem } from '../../server/src/protocol';
import { check, kb } from '../helpers/repo';
import { fill, choicesOf } from '../helpers/snippet-fill';
import {
  requestTemplate,
  appealTemplate,
  TODAY,
  mdY,
  daysAgo,
  REQUEST_VALUES,
  APPEAL_VALUES,
  describeFindings,
  CPMTG_ERA,
  assertClean,
  EDITIONS,
} from '../helpers/template-values';

describe('the New Treatment Request template', () => {
  for (const edition of EDITIONS) {
    test(`filled in, it draws no findings and is judged by the edition it cites (${edition})`, () => {
      const text = fill(requestTemplate(edition), REQUEST_VALUES, TODAY);
      const a = assertClean(text, 'request');
      assert.equal(a.edition, edition);
      assert.equal(a.editionReason, 'document');
      // Both requested items are read, with their quantities and body parts.
      assert.deepEqual(
        a.items.map((i) => [i.treatment, i.quantity?.total]),
        [
          ['acupuncture', 6],
          ['physical-medicine', 8],
        ],
      );
      assert.ok(a.evidence.functionalImprovement, 'the functional-improvement block, filled in, documents improvement');
      for (const s of REQUEST_SECTIONS) assert.ok(text.includes(s), `the request has "${s}"`);
    });
  }

  test('by default it cites the MTUS in force today, and filled in, dated today, it draws no findings', () => {
    const text = fill(requestTemplate(), REQUEST_VALUES, TODAY);
    assert.match(text, /Guideline: MTUS \(ACOEM\) Low Back Disorders Guideline\./);
    const a = assertClean(text, 'request');
    assert.equal(a.mtus?.explanation, `dated ${mdY(TODAY)}: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)`);
  });

  test('every choice of the request type draws no findings', () => {
    for (const { index, choices } of choicesOf(requestTemplate(), TODAY)) {
      for (const c of choices) assertClean(fill(requestTemplate(), REQUEST_VALUES, TODAY, { [index]: c }), 'request');
    }
  });

  test('left unfilled, the empty diagnosis still draws its diagnostic', () => {
    const text = fill(requestTemplate(), { ...REQUEST_VALUES, 16: '', 17: '' }, TODAY);
    const rules = check(text, { kind: 'request', today: TODAY }).findings.map((f) => f.rule);
    assert.ok(rules.includes('rfa-diagnosis-missing'), `expected rfa-diagnosis-missing, got ${JSON.stringify(rules)}`);
  });

  test('a fill-in placeholder never stands in for a fact: the template holds no [square brackets]', () => {
    for (const t of [requestTemplate('2009'), requestTemplate('2016'), appealTemplate()]) {
      const stripped = t.replace(/\$\{\d+\|[^}]*\|\}/g, '');
      assert.doesNotMatch(stripped, /\[[^\]\n]*\]/);
    }
  });
});

describe('the New IMR Appeal Letter template', () => {
  test('filled in, it draws no findings: dated within 30 days of the UR decision, answered, enclosed, signed', () => {
    const text = fill(appealTemplate(), APPEAL_VALUES, TODAY);
    const a = assertClean(text, 'appeal');
    assert.ok(a.evidence.functionalImprovement);
    for (const s of APPEAL_SECTIONS) assert.ok(text.includes(s), `the letter has "${s}"`);
    assert.ok(text.startsWith(`Date: ${mdY(TODAY)}`), 'the letter is dated today');
  });

  test('left unfilled, the denial it quotes is unanswered and says so', () => {
    const blank = Object.fromEntries(Object.keys(APPEAL_VALUES).map((k) => [k, '']));
    const rules = check(fill(appealTemplate(), blank, TODAY), { kind: 'appeal', today: TODAY }).findings.map((f) => f.rule);
    assert.ok(rules.includes('appeal-unanswered-denial'), `expected appeal-unanswered-denial, got ${JSON.stringify(rules)}`);
  });

  test('filed late, the deadline rule still fires on the filled template', () => {
    const text = fill(appealTemplate(), { ...APPEAL_VALUES, 6: daysAgo(60), 9: daysAgo(58) }, TODAY);
    const rules = check(text, { kind: 'appeal', today: TODAY }).findings.map((f) => f.rule);
    assert.deepEqual(rules, ['appeal-deadline']);
  });
});

describe('the templates cite as the guideline browser does', () => {
  const ITEMS: TemplateItem[] = ['acupuncture', 'manualTherapy', 'massage', 'physicalMedicine'];
  for (const edition of [...EDITIONS, 'current'] as TemplateEdition[]) {
    for (const item of ITEMS) {
      test(`${item} (${edition}): the citation the template carries reads back as the entry it names`, () => {
        const c = templateCitations(kb(), edition)[item];
        assert.ok(kb().citation(c.id), `no citation entry ${c.id}`);
        const found = findCitations(`${c.text}.`, kb());
        assert.ok(found.length >= 1 && found.every((x) => x.resolved.includes(c.id)), JSON.stringify(found.map((x) => [x.text, x.resolved])));
      });
    }
  }
  test('the 2009 citations are by page and the 2016 ones by section, as the editions are cited', () => {
    assert.match(templateCitations(kb(), '2009').physicalMedicine.text, /\(2009\), Physical medicine, pages 98-99$/);
    assert.match(templateCitations(kb(), '2016').physicalMedicine.text, /2016, Section\(s\): Physical medicine$/);
    assert.equal(templateCitations(kb(), 'current').physicalMedicine.text, 'MTUS (ACOEM) Low Back Disorders Guideline');
  });
});

describe("the guideline browser's citations", () => {
  test('each entry, inserted into a request, resolves to that entry and draws no citation finding', () => {
    const entries = guidelineEntries(kb(), 'all');
    assert.equal(entries.length, kb().data.citations.filter((c) => !['odg', 'acoem-3'].includes(c.guideline)).length, 'every MTUS entry is offered');
    for (const e of entries) {
      // Today's forms in today's request; the Chronic Pain editions' in a request of their time.
      const today = ['mtus-acoem', 'mtus-drug-list'].includes(kb().citation(e.id)?.guideline ?? '');
      const text = fill(requestTemplate(today ? 'current' : '2016'), REQUEST_VALUES, TODAY).replace(
        '\nFUNCTIONAL IMPROVEMENT',
        `\n   Also: ${e.insertText}.\n\nFUNCTIONAL IMPROVEMENT`,
      );
      const a = check(text, { kind: 'request', today: TODAY, date: today ? undefined : CPMTG_ERA });
      const at = text.indexOf(e.insertText);
      const cited = a.citations.filter((c) => c.span.start >= at && c.span.end <= at + e.insertText.length + 1);
      assert.ok(
        cited.length > 0 && cited.every((c) => c.resolved.includes(e.id)),
        `${e.id}: "${e.insertText}" reads as ${JSON.stringify(cited.map((c) => [c.text, c.resolved]))}`,
      );
      const citationRules = a.findings.filter((f) => f.rule.startsWith('citation-'));
      assert.equal(citationRules.length, 0, `${e.id}:${describeFindings({ ...a, findings: citationRules })}`);
    }
  });

  test('a document judged by 2009 is offered the 2009 entries, cited by page; 2016 by section', () => {
    const of = (edition: string) => guidelineEntries(kb(), edition).filter((e) => e.guidelineTitle === 'Chronic Pain Medical Treatment Guidelines');
    assert.ok(of('2009').length > 0 && of('2009').every((e) => e.edition === '2009'));
    assert.ok(of('2016').length > 0 && of('2016').every((e) => e.edition === '2016'));
    assert.equal(
      of('2009').find((e) => e.id === 'cpmtg2009-massage')?.insertText,
      'MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60',
    );
    assert.equal(of('2016').find((e) => e.id === 'cpmtg2016-massage')?.insertText, 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy');
    // The guidelines with one edition are offered whichever edition the document is judged by.
    for (const edition of ['2009', '2016']) assert.ok(guidelineEntries(kb(), edition).some((e) => e.id === 'ccr-9792.24.1-acupuncture'));
  });
});

// ---- Snippets ---------------------------------------------------------------------------------
