// The TextMate grammars on citations, comments and appeal letters, and on the templates' labels
// (grammar.test.ts: the grammar files and requests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as vsctm from 'vscode-textmate';
import { requestTemplate } from '../../client/src/templates/request';
import { appealTemplate } from '../../client/src/templates/appeal';
import { templateCitations } from '../../server/src/features/templates';
import { defaultKnowledge } from '../../server/src/knowledge/load';
import {
  appeal,
  assertNoScope,
  assertScope,
  BODY,
  CITATION,
  CITATION_PAGE,
  CITATION_SECTION,
  COMMENT,
  DATE,
  describe,
  DIRECTIVE,
  OVERTURNED,
  QUANTITY,
  request,
  scopesAt,
  tok,
  tokenizeLines,
  TREATMENT,
  UPHELD,
} from '../helpers/grammar';

test('citations: each form is one citation over its whole text', async () => {
  const cases: [line: string, citation: string][] = [
    ['Per the MTUS Chronic Pain Medical Treatment Guidelines, page 60, massage is an adjunct.', 'MTUS Chronic Pain Medical Treatment Guidelines, page 60'],
    ['Physical medicine, Page(s): 98-99.', 'Page(s): 98-99'],
    [
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
      'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
    ],
    [
      'The MTUS Chronic Pain Medical Treatment Guidelines Massage therapy Page(s): 60.',
      'MTUS Chronic Pain Medical Treatment Guidelines Massage therapy Page(s): 60',
    ],
    ['Trial limits are in the MTUS Acupuncture Treatment Guidelines.', 'MTUS Acupuncture Treatment Guidelines'],
    ['See ACOEM Chapter 12, page 305 for surgical referral.', 'ACOEM Chapter 12, page 305'],
    ['as required by 8 CCR 9792.24.1 for acupuncture', '8 CCR 9792.24.1'],
    ['defined in 8 C.C.R. § 9792.20(e) as', '8 C.C.R. § 9792.20(e)'],
    ['the cap in Labor Code 4604.5(c)(1) applies', 'Labor Code 4604.5(c)(1)'],
    ['UR relied on ODG instead', 'ODG'],
    [
      'Cited: MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies.',
      'MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies',
    ],
  ];
  for (const [line, citation] of cases) {
    const t = await tok(request(), line);
    assertScope(t, citation, CITATION);
  }
});

test('citations: page and section sub-scopes; no quantity or date inside a citation', async () => {
  let t = await tok(request(), 'MTUS Chronic Pain Medical Treatment Guidelines, page 60, massage');
  assertScope(t, 'page 60', CITATION_PAGE);
  assertNoScope(t, '60', QUANTITY);
  assertScope(t, 'massage', TREATMENT);
  assertNoScope(t, 'massage', CITATION);
  t = await tok(request(), 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy');
  assertScope(t, 'Section(s): Massage therapy', CITATION_SECTION);
  assertNoScope(t, 'Massage therapy', TREATMENT);
  t = await tok(request(), 'Physical Medicine Page(s): 98-99.');
  assertScope(t, 'Page(s): 98-99', CITATION_PAGE);
  assertNoScope(t, '98-99', DATE);
});

test('citations: a citation does not swallow the request that follows it', async () => {
  let t = await tok(request(), 'Per MTUS, Physical therapy 2x3 for the shoulder');
  assertScope(t, 'MTUS', CITATION);
  assertScope(t, 'Physical therapy', TREATMENT);
  assertScope(t, '2x3', QUANTITY);
  t = await tok(request(), 'the MTUS Acupuncture Treatment Guidelines and ACOEM Chapter 12, page 305 apply');
  assertScope(t, 'MTUS Acupuncture Treatment Guidelines', CITATION);
  assertScope(t, 'ACOEM Chapter 12, page 305', CITATION);
  t = await tok(request(), 'ODGERS and METHODS are not citations');
  assertNoScope(t, t.line, CITATION);
});

// ---------------------------------------------------------------------------------------------
// Comments (mtus-lint directives)
// ---------------------------------------------------------------------------------------------

test('comments: <!-- mtus-lint-disable ... --> is a comment with a directive, across lines too', async () => {
  const g = await request();
  const [one] = tokenizeLines(g, ['<!-- mtus-lint-disable acupuncture-trial-limit --> Acupuncture 2x4']);
  assert.ok(one);
  assertScope(one, '<!-- mtus-lint-disable acupuncture-trial-limit -->', COMMENT);
  assertScope(one, 'mtus-lint-disable', DIRECTIVE);
  assertScope(one, 'Acupuncture', TREATMENT);
  assertNoScope(one, 'Acupuncture 2x4', COMMENT);

  const [a, b, c] = tokenizeLines(g, ['<!-- note:', 'Acupuncture 2x4 low back', '--> Massage x 8']);
  assert.ok(a && b && c);
  assertScope(b, 'Acupuncture 2x4 low back', COMMENT);
  assertNoScope(b, 'Acupuncture', TREATMENT);
  assertScope(c, 'Massage', TREATMENT);
  assertScope(c, 'x 8', QUANTITY);
});

// ---------------------------------------------------------------------------------------------
// Appeal grammar
// ---------------------------------------------------------------------------------------------

test('appeal: "Acupuncture 2x3 neck: Overturned"', async () => {
  const t = await tok(appeal(), 'Acupuncture 2x3 neck: Overturned');
  assertScope(t, 'Overturned', OVERTURNED);
  assertScope(t, 'Acupuncture', TREATMENT);
  assertScope(t, '2x3', QUANTITY);
  assertScope(t, 'neck', BODY);
  assertNoScope(t, 'Overturned', UPHELD);
});

test('appeal: "... : Upheld" and outcomes in prose', async () => {
  let t = await tok(appeal(), 'Massage therapy 4 visits, lumbar spine: Upheld');
  assertScope(t, 'Upheld', UPHELD);
  assertScope(t, '4 visits', QUANTITY);
  assertScope(t, 'lumbar spine', BODY);
  assertNoScope(t, 'Upheld', OVERTURNED);
  t = await tok(appeal(), 'The denial should be overturned because the prior denial was upheld on other grounds.');
  assertScope(t, 'overturned', OVERTURNED);
  assertScope(t, 'upheld', UPHELD);
});

test('appeal: UR decision, denial-reason lines, headings', async () => {
  let t = await tok(appeal(), 'The UR decision dated 02/03/2017 denied 6 sessions of chiropractic care.');
  assertScope(t, 'UR decision', 'keyword.other.ur-decision.mtus');
  assertScope(t, '02/03/2017', DATE);
  assertScope(t, '6 sessions', QUANTITY);
  assertScope(t, 'chiropractic', TREATMENT);

  t = await tok(appeal(), 'Reason for denial: exceeds the MTUS Acupuncture Treatment Guidelines trial of 3-6 visits');
  assertScope(t, 'Reason for denial', 'keyword.other.denial-reason.mtus');
  assertScope(t, t.line, 'meta.denial-reason.mtus');
  assertScope(t, 'MTUS Acupuncture Treatment Guidelines', CITATION);
  assertScope(t, '3-6 visits', QUANTITY);

  t = await tok(appeal(), '## Functional improvement after acupuncture');
  assertScope(t, t.line, 'markup.heading.mtus');
  assertScope(t, '##', 'punctuation.definition.heading.mtus');
  assertScope(t, 'acupuncture', TREATMENT);
});

test('request grammar has no appeal-only scopes', async () => {
  const t = await tok(request(), 'Acupuncture 2x3 neck: Overturned; prior request Upheld; UR decision');
  assertNoScope(t, 'Overturned', 'markup.inserted');
  assertNoScope(t, 'Upheld', 'markup.deleted');
  assertNoScope(t, 'UR decision', 'keyword.other.ur-decision');
  assertScope(t, 'Acupuncture', TREATMENT);
});

test('long lines tokenize to their end within the tokenizer time limit (no runaway backtracking)', async () => {
  const g = await appeal();
  const lines = [
    'MTUS ' + 'Chronic Pain Medical Treatment Guidelines '.repeat(200),
    'Section(s): ' + 'a b c, '.repeat(800),
    'Acupuncture 2x4 low back, '.repeat(300),
    'x'.repeat(20000),
    '1 2 3 4 5 6 7 8 9 '.repeat(500) + 'sessions',
  ];
  for (const line of lines) {
    const result = g.tokenizeLine(line, vsctm.INITIAL, 2000);
    assert.equal(result.stoppedEarly, false, `stopped early on a ${line.length}-character line`);
  }
});

// ---------------------------------------------------------------------------------------------
// Form labels are not coloured like errors (issue 14): light themes paint
// entity.other.attribute-name and markup.deleted red.
// ---------------------------------------------------------------------------------------------

test('the labels of the request and appeal templates ("Diagnosis:", "Date of injury:", "Denial reason 1") are never coloured like errors', async () => {
  const RED = ['entity.other.attribute-name', 'markup.deleted', 'invalid'];
  let labels = 0;
  for (const [g, text] of [
    [request(), requestTemplate(templateCitations(defaultKnowledge(), 'current'))],
    [appeal(), appealTemplate(templateCitations(defaultKnowledge(), 'current'))],
  ] as const) {
    const lines = tokenizeLines(await g, text.split('\n'));
    for (const t of lines) {
      const label = /^\s*([A-Z][A-Za-z0-9 ()-]*?)(?=,? as the UR decision|:)/.exec(t.line);
      if (!label) continue;
      labels++;
      const start = t.line.indexOf(label[1]);
      for (let i = start; i < start + label[1].length; i++) {
        const red = scopesAt(t, i).filter((s) => RED.some((r) => s.startsWith(r)));
        assert.deepEqual(red, [], `"${label[1]}" in "${t.line}":\n  ${describe(t)}`);
      }
    }
  }
  assert.ok(labels >= 20, `the templates' labels were found (${labels})`);
  const t = await tok(request(), 'Diagnosis: lumbar strain (S39.012A)');
  assertScope(t, 'Diagnosis', 'markup.bold.label.mtus');
});
