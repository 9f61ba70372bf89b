import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSpacing, spanToOriginal } from '../../server/src/engine/structure/spacing';
import { readStructure } from '../../server/src/engine/structure/read';
import type { DocumentStructure } from '../../server/src/engine/structure/types';

// The structure layer reads a page as a writer sees it (header fields, boxes, tables, lists,
// passages and their roles) before any item is read. Invented text throughout.

const at = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
const unitsOf = (text: string, st: DocumentStructure = readStructure(text)) => st.units.map((u) => [u.kind, u.role, at(text, u.span)]);

describe('form header fields', () => {
  const form = 'Employee: Pat Doe\nDate of Injury: 01/02/2015\nClaim #: ______\nDiagnosis/ICD: M54.5 low back pain\nPhysician: [Name], M.D.';
  const st = readStructure(form);
  test('each label is read as its kind, with its value', () => {
    assert.deepEqual(
      st.fields.map((f) => [f.kind, at(form, f.value)]),
      [
        ['employee', 'Pat Doe'],
        ['doi', '01/02/2015'],
        ['claim', '______'],
        ['diagnosis', 'M54.5 low back pain'],
        ['physician', '[Name], M.D.'],
      ],
    );
  });
  test('a line of underscores is a field left blank', () => {
    assert.deepEqual(
      st.fields.filter((f) => f.blank).map((f) => f.kind),
      ['claim'],
    );
  });
});

test('"Name:" is read by the block it stands in', () => {
  const form = 'EMPLOYEE\n  Name: Pat Doe\n\nREQUESTING PHYSICIAN\n  Name: Lee Roe, M.D.\n';
  assert.deepEqual(
    readStructure(form).fields.map((f) => [f.kind, at(form, f.value)]),
    [
      ['employee', 'Pat Doe'],
      ['physician', 'Lee Roe, M.D.'],
    ],
  );
});

describe('checkboxes', () => {
  test('[X], [x], ☒ and ■ are checked; [ ], ☐ and □ are not', () => {
    const text = '[X] Expedited  [ ] Standard\n[x] Initial\n☒ Written  ☐ Verbal  ■ Resubmission  □ Other';
    assert.deepEqual(
      readStructure(text).checkboxes.map((b) => [at(text, b.label), b.checked]),
      [
        ['Expedited', true],
        ['Standard', false],
        ['Initial', true],
        ['Written', true],
        ['Verbal', false],
        ['Resubmission', true],
        ['Other', false],
      ],
    );
  });
  test("a box's printed label is form text, not the writer's statement", () => {
    const text = '[ ] Expedited Review: Check box if employee faces an imminent and serious threat to his or her health';
    const st = readStructure(text);
    assert.equal(st.checkboxes.length, 1);
    assert.equal(st.checkboxes[0].checked, false);
    assert.ok(st.formText.some((s) => at(text, s).includes('imminent and serious threat')));
  });
  test('a ticked line of a plan written as a checklist is an item asked for; an unticked one is not', () => {
    const text = 'Treatment plan / RFA:\n  [x] Additional PT for the lumbar spine, 2x/wk x 3 wks (6 visits)\n  [ ] Psych referral\n';
    assert.deepEqual(
      unitsOf(text).filter(([kind]) => kind === 'list-item'),
      [['list-item', 'request', 'Additional PT for the lumbar spine, 2x/wk x 3 wks (6 visits)']],
    );
    assert.deepEqual(
      readStructure(text).checkboxes.map((b) => b.checked),
      [true, false],
    );
  });
});

describe('options written as labels with a mark', () => {
  test('"Label: X" is ticked and "Label: __" is not, when a line holds two or more', () => {
    const text = 'New request: X        Resubmission: __        Expedited: __\nEmployee: Pat Doe';
    const st = readStructure(text);
    assert.deepEqual(
      st.checkboxes.map((b) => [at(text, b.label), b.checked]),
      [
        ['New request', true],
        ['Resubmission', false],
        ['Expedited', false],
      ],
    );
    assert.ok(st.fields.some((f) => f.kind === 'employee'));
  });
});

describe('numbered service labels', () => {
  test('"SERVICE 2 ....... Massage ..." labels its item, colons in its words and all', () => {
    const text =
      'SERVICE 1 ....... Chiropractic care, lumbar spine (CMT 98940 with re-exam): once a\n                  month for six (6) months, 6 visits\nSERVICE 2 ....... Massage therapy, lumbar (97124), once a month with the CMT visits, x6\n';
    const blocks = readStructure(text).units.filter((u) => u.kind === 'field-block');
    assert.deepEqual(
      blocks.map((u) => at(text, u.cells!.service![0]).slice(0, 20)),
      ['Chiropractic care, l', 'Massage therapy, lum'],
    );
  });
});

describe('tables', () => {
  test('rows set apart by blank lines stay in the table until a line no longer fits its columns', () => {
    const text =
      'CPT       SERVICE                          BODY PART   UNITS\n' +
      '97110     PHYSICAL THERAPY 2X/WK X 6 WKS    R KNEE      12\n' +
      '\n' +
      '--        TRAMADOL 50 MG PO Q6H PRN, #60    KNEES       60\n' +
      '\n' +
      'SUPPORTING NOTE 02/09/2017:\n' +
      'He had 24 visits.\n';
    const rows = unitsOf(text).filter(([kind]) => kind === 'table-row');
    assert.deepEqual(
      rows.map(([, role, t]) => [role, t.split(/\s{2,}/)[1]]),
      [
        ['request', 'PHYSICAL THERAPY 2X/WK X 6 WKS'],
        ['request', 'TRAMADOL 50 MG PO Q6H PRN, #60'],
      ],
    );
  });
  test('columns separated by runs of spaces: each cell belongs to its own row', () => {
    const text =
      'SERVICE           BODY PART     FREQ   DURATION   QTY\nAcupuncture       L/S           2x     4 wks      8\nChiro manip.      C/S                             12\n';
    const rows = readStructure(text).units.filter((u) => u.kind === 'table-row');
    assert.deepEqual(
      rows.map((r) => [at(text, r.cells!.service![0]), r.cells!.body?.map((s) => at(text, s)), r.cells!.quantity?.map((s) => at(text, s))]),
      [
        ['Acupuncture', ['L/S'], ['8']],
        ['Chiro manip.', ['C/S'], ['12']],
      ],
    );
    // the second row has no FREQ: it does not borrow the first row's
    assert.equal(rows[1].cells!.frequency, undefined);
  });
  test('pipes and tabs separate cells too', () => {
    const pipes = '| Service | Body part | Qty |\n|---|---|---|\n| Physical therapy | R knee | 6 |\n';
    const tabs = 'Service\tFreq\tQty\nMassage\t1x/wk\t4\n';
    const cell = (text: string, kind: 'service' | 'quantity') =>
      readStructure(text)
        .units.filter((u) => u.kind === 'table-row')
        .map((u) => at(text, u.cells![kind]![0]));
    assert.deepEqual([cell(pipes, 'service'), cell(pipes, 'quantity')], [['Physical therapy'], ['6']]);
    assert.deepEqual([cell(tabs, 'service'), cell(tabs, 'quantity')], [['Massage'], ['4']]);
  });
  test('a gap of non-breaking or wide spaces separates columns as spaces do; one alone does not', () => {
    // (Text pasted from a word processor or a PDF keeps its no-break and ideographic spaces.)
    const text = 'Service\u00a0\u00a0\u00a0Body\u00a0part\u3000\u3000Qty\nAcupuncture\u00a0\u00a0 \u00a0L/S\u00a0spine\u00a0 \u20038\n';
    const [row] = readStructure(text).units.filter((u) => u.kind === 'table-row');
    assert.deepEqual(
      [row.cells!.service, row.cells!.body, row.cells!.quantity].map((spans) => spans!.map((s) => at(text, s))),
      [['Acupuncture'], ['L/S\u00a0spine'], ['8']],
    );
  });
  test('a table under a history heading is history, not a request', () => {
    const text = 'Treatment to date:\nSERVICE        QTY   DATES\nAcupuncture    12    2015\n';
    assert.deepEqual(
      readStructure(text)
        .units.filter((u) => u.kind === 'table-row')
        .map((u) => u.role),
      ['history'],
    );
  });
});

describe('passages and their roles', () => {
  const text = [
    'Treatment to date:',
    'She had 12 PT visits.',
    '',
    'UR DECISION:',
    'The request for 12 acupuncture sessions is non-certified.',
    '',
    'Guidelines:',
    'Per MTUS 3-6 treatments are allowed.',
    '',
    'Plan:',
    '1. Acup 2x3 lumbar',
    '2. Continue HEP',
  ].join('\n');
  test('history, the denial as quoted, guideline quotations and the plan are told apart', () => {
    assert.deepEqual(unitsOf(text), [
      ['sentence', 'history', 'She had 12 PT visits.'],
      ['sentence', 'denial', 'The request for 12 acupuncture sessions is non-certified.'],
      ['sentence', 'guideline', 'Per MTUS 3-6 treatments are allowed.'],
      ['list-item', 'request', '1. Acup 2x3 lumbar'],
      ['list-item', 'request', '2. Continue HEP'],
    ]);
    assert.deepEqual(
      readStructure(text).sections.map((s) => [s.role, s.heading]),
      [
        ['history', 'Treatment to date'],
        ['denial', 'UR DECISION'],
        ['guideline', 'Guidelines'],
        ['request', 'Plan'],
      ],
    );
  });
  test('a sentence that asks is a request wherever it stands', () => {
    const t = 'PR-2\nShe reports less pain. Request acupuncture 1x6 for the neck.';
    assert.deepEqual(
      unitsOf(t)
        .filter((u) => u[1] === 'request')
        .map((u) => u[2]),
      ['Request acupuncture 1x6 for the neck.'],
    );
  });
  test('prose with no heading is narrative, read by its own words', () => {
    assert.deepEqual(unitsOf('The patient is improving.'), [['sentence', 'narrative', 'The patient is improving.']]);
  });
});

describe('OCR spacing', () => {
  const ocr =
    'Employee :  Pat  Doe  ,  DOB :  02 / 11 / 1956\nRequested  treatment :  Acupuncture  2 x 4  ( 8 )  for  the  low  back  .\nDiagnosis :  lumbar  strain  and  neck  pain  with  spasm  of  the  muscles  today  .';
  test('doubled gaps are read through a re-spaced copy', () => {
    const v = readSpacing(ocr);
    assert.equal(v.identity, false);
    assert.match(v.text, /Requested treatment: Acupuncture 2 x 4 \(8\) for the low back\./);
  });
  test('what is found in the copy maps back to the original characters', () => {
    const v = readSpacing(ocr);
    const back = (s: string) => at(ocr, spanToOriginal(v, { start: v.text.indexOf(s), end: v.text.indexOf(s) + s.length }));
    assert.equal(back('2 x 4'), '2 x 4');
    assert.equal(back('Pat Doe'), 'Pat  Doe');
  });
  test('dot leaders are a column gap, offsets unchanged', () => {
    const t = 'Cyclobenzaprine 7.5 mg ...... #90 ...... 1 tab PO TID';
    const v = readSpacing(t);
    assert.equal(v.text.length, t.length);
    assert.doesNotMatch(v.text, /\.\.\./);
  });
  test('ordinary text is read as it is', () => assert.equal(readSpacing('Acupuncture 2x3 for the neck.').identity, true));
  test('a prose ellipsis is not a dot leader: the text is read as written', () => {
    const t = 'Recommended as an option, using a short course of therapy... this medication is not for long use.';
    assert.equal(readSpacing(t).text, t);
    // Glued to a label, or with a capital value after, three dots are still a leader.
    assert.doesNotMatch(readSpacing('Claim... FRT-16-23875').text, /\.\.\./);
    assert.doesNotMatch(readSpacing('DOB ... 08/19/1966').text, /\.\.\./);
  });
});
