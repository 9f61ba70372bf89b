// Issue 15: an edit re-reads only the passages it touched, and the analysis that results is the
// analysis of the whole text, exactly. A property test (fast-check, fixed seed): drafts made from
// the repository's own examples and snippets, edited thousands of times at random (characters,
// line breaks, whole lines and items inserted, deleted, replaced, moved), each version analysed
// with the memo of the versions before it and from nothing, and the two compared in full.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { StructureMemo } from '../../server/src/engine/structure/incremental';
import { readStructure } from '../../server/src/engine/structure/read';
import { drafts, longAppeal, longDraft, longerDraft, sessions } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

const TODAY = new Date('2017-03-01T12:00:00Z');

describe('incremental analysis equals a full analysis', () => {
  test('the document structure, over thousands of random edits', (t) => {
    const same = (text: string, memo: StructureMemo) => assert.deepStrictEqual(memo.read(text), readStructure(text));
    // Shared: the parts of stretches an edit moved are the last version's, shifted in place.
    const shared = (text: string, memo: StructureMemo) => assert.deepStrictEqual(memo.read(text, undefined, true), readStructure(text));
    const edits =
      sessions(drafts, 110, () => new StructureMemo(), same) +
      sessions([longDraft], 15, () => new StructureMemo(), same) +
      sessions([longDraft], 15, () => new StructureMemo(), shared);
    assert.ok(edits >= 2300, `only ${edits} edits tried`);
    t.diagnostic(`${edits} edits`);
  });

  test('no two parts of a reading share a span: the memo moves them in place, each once', () => {
    // A request written as fields: its item's cells are the fields' values. A plan written as a
    // checklist: its item is the ticked box's label.
    const fieldBlock = 'Requested treatment: Massage therapy\nBody part: neck\nFrequency/duration: 2 x 4\nQuantity: 8\n';
    const checklist = 'Requested treatment:\n[x] Additional physical therapy, 2x/wk x 3 wks, low back\n[ ] Massage therapy\n';
    for (const text of [...drafts, longDraft, fieldBlock, checklist]) {
      const seen = new Set<object>();
      const st = readStructure(text);
      const spans = [
        ...st.checkboxes.flatMap((b) => [b.box, b.label]),
        ...st.fields.flatMap((f) => [f.label, f.value]),
        ...st.sections.flatMap((s) => [s.headingSpan, s.span]),
        ...st.units.flatMap((u) => [u.span, ...Object.values(u.cells ?? {}).flat()]),
        ...st.formText,
      ];
      for (const span of spans) {
        assert.ok(!seen.has(span), `a span at ${span.start}-${span.end} is held by two parts`);
        seen.add(span);
      }
    }
  });

  test('the whole analysis (findings and all it read), over more than a thousand random edits', (t) => {
    const same = (text: string, memo: AnalysisMemo) => assert.deepStrictEqual(analyze(text, kb(), {}, memo), analyze(text, kb()));
    const edits = sessions(drafts, 60, () => new AnalysisMemo(), same) + sessions([longDraft], 4, () => new AnalysisMemo(), same);
    assert.ok(edits >= 1200, `only ${edits} edits tried`);
    t.diagnostic(`${edits} edits`);
  });

  test('the whole analysis of a long document, where most passages are kept from the version before', (t) => {
    const same = (text: string, memo: AnalysisMemo) => assert.deepStrictEqual(analyze(text, kb(), {}, memo), analyze(text, kb()));
    let reused = 0;
    const edits = sessions(
      [longerDraft, longAppeal],
      5,
      () => new AnalysisMemo(),
      (text, memo) => {
        same(text, memo);
        reused += memo.passages.last.reused;
      },
    );
    assert.ok(edits >= 50 && reused > 0, `only ${edits} edits tried, ${reused} passages reused`);
    t.diagnostic(`${edits} edits, ${reused} passages reused`);
  });

  test('nothing changes a kept reading handed out as it is: frozen, each version still equals a full analysis', (t) => {
    // A passage's items are handed out themselves, not copies (incremental/passages.ts): an analysis
    // that changed one in place would change the next version's. Only the memo moves their spans
    // (in place, where an edit moved them): every object but the spans is frozen.
    const isSpan = (x: object) => Object.keys(x).length === 2 && 'start' in x && 'end' in x;
    const freeze = (x: unknown): void => {
      if (x === null || typeof x !== 'object' || Object.isFrozen(x) || isSpan(x)) return;
      Object.freeze(x);
      for (const v of Object.values(x)) freeze(v);
    };
    let shared = 0;
    // An item the analysis makes a first course after reading it ("Continue with ..." where the
    // patient "has never had" the treatment): a change it makes on a copy.
    const firstCourse = `Continue with acupuncture 2x6 for the low back.\n\nShe has never had acupuncture.\n\n${longerDraft}`;
    const check = (text: string, memo: AnalysisMemo) => {
      const result = analyze(text, kb(), {}, memo);
      assert.deepStrictEqual(result, analyze(text, kb()));
      const kept = (memo.passages as unknown as { kept?: { found: { result: { items: object[] } }[] } }).kept?.found ?? [];
      const handedOut = new Set<object>(result.items);
      for (const k of kept) {
        if (k.result.items.some((i) => handedOut.has(i))) shared++;
        freeze(k.result);
      }
    };
    // Typed at its end, a word at a time: the item at its head is handed out as it is each time.
    const typing = new AnalysisMemo();
    for (let text = firstCourse, i = 0; i < 12; i++, text += ' more') check(text, typing);
    const edits = 12 + sessions([firstCourse, longAppeal], 5, () => new AnalysisMemo(), check);
    assert.ok(shared > 0, 'no kept reading was handed out as it is');
    t.diagnostic(`${edits} edits, ${shared} kept readings handed out as they are`);
  });

  test('a memo given another document still gives that document its own analysis', () => {
    const memo = new AnalysisMemo();
    for (const d of drafts) analyze(d, kb(), { today: TODAY }, memo);
    for (const d of [...drafts].reverse()) assert.deepStrictEqual(analyze(d, kb(), { today: TODAY }, memo), analyze(d, kb(), { today: TODAY }));
  });
});

test('a table whose rows are set apart by blank lines reads as one table, first and after edits within it', () => {
  const row = (dx: string, code: string, service: string, cpt: string) =>
    `${dx.padEnd(21)}${code.padEnd(9)}${service.padEnd(24)}${cpt.padEnd(7)}L/S        2x/wk      4 wks     8\n`;
  const table =
    'REQUESTED TREATMENT:\nDiagnosis            ICD-10   Service                 CPT    Body part  Frequency  Duration  Qty\n' +
    row('Low back pain', 'M54.5', 'Acupuncture', '97810') +
    '\n' +
    row('Neck pain', 'M54.2', 'Chiropractic', '98940') +
    '\n\n' +
    row('Lumbar strain', 'S39.012A', 'Physical therapy', '97110') +
    '\nThe patient reports pain.\n';
  const at = table.indexOf('Chiropractic');
  const versions = [
    table,
    `${table.slice(0, at)}\n\n${table.slice(at)}`,
    table,
    table.replace('\n\n', '\n'),
    `${table.slice(0, at)}x${table.slice(at)}`,
    table.replace('8\n\nNeck', '8\nNeck'),
  ];
  for (const shared of [false, true]) {
    const memo = new StructureMemo();
    for (const v of [...versions, ...versions.slice().reverse()]) assert.deepStrictEqual(memo.read(v, undefined, shared), readStructure(v));
  }
  assert.equal(readStructure(table).units.filter((u) => u.kind === 'table-row').length, 3);
  const memo = new AnalysisMemo();
  for (const v of versions) assert.deepStrictEqual(analyze(v, kb(), {}, memo), analyze(v, kb()));
});

test('an edit re-reads only the passage it touches', () => {
  const draft = drafts[0];
  const memo = new StructureMemo();
  memo.read(draft);
  const first = memo.last;
  assert.ok(first.stretches >= 5 && first.reread === first.stretches, `first read: ${JSON.stringify(first)}`);
  // One character typed in the middle of the draft: one stretch read again, the rest reused.
  const at = draft.indexOf('\n\n', draft.length / 2) - 3;
  memo.read(`${draft.slice(0, at)}x${draft.slice(at)}`);
  assert.deepEqual(memo.last, { stretches: first.stretches, reread: 1 });
});

test('medications far from an edit are last version readings, moved, and equal a full analysis', () => {
  const list = '\n\nREQUESTED TREATMENT:\n1. Naproxen 550 mg #60 one tablet twice daily\n2. Cyclobenzaprine 7.5 mg #30 at bedtime\n\n';
  const text = `${longDraft}${list}${drafts[0]}`;
  const memo = new AnalysisMemo();
  analyze(text, kb(), {}, memo);
  // Typed near the start, deleted, typed again: the medications after it move, and are not read again.
  for (const version of [`x${text}`, text, `xy${text}`]) {
    const full = analyze(version, kb());
    assert.deepStrictEqual(analyze(version, kb(), {}, memo), full);
    assert.equal(full.medications?.length, 2);
    assert.ok(memo.medications.last.reused >= 2, JSON.stringify(memo.medications.last));
  }
});

test("the document's date after edits near its label and far from it: last version's only when the edit cannot change it", () => {
  const head = 'REQUEST FOR AUTHORIZATION\nDate of request:\n\n03/02/2017\nPatient complains of low back pain.\n';
  const body = 'She walks with a cane and sleeps poorly at night.\nPhysical therapy for the lumbar spine is requested.\n';
  const versions = [
    `${head}${body}`,
    // A letter typed on the blank line between the label and its date: the label has no date now.
    `${head.replace(':\n\n', ':\nx\n')}${body}`,
    `${head}${body}`,
    // A word typed in the body, away from the date: the date as it was.
    `${head}${body.replace('cane', 'canes')}`,
    `${head}${body.replace('cane', 'cane and')}`,
    // The label broken, then written again.
    `${head.replace('request', 'reqest')}${body}`,
    `${head}${body}`,
  ];
  // A letter dated on its 15th line, the last of those read for it: a line broken above pushes it out.
  const prose = Array.from({ length: 14 }, (_, i) => `Line ${'abcdefghijklmn'[i]} of the note.`).join('\n');
  const letter = `${prose}\nMarch 2, 2017\n${body}`;
  versions.push(letter, letter.replace('of the note', 'of the\nnote'), letter, letter.replace('of the note', 'of a note'));
  const memo = new AnalysisMemo();
  let kept = 0;
  for (const text of versions) {
    const full = analyze(text, kb(), { today: TODAY });
    assert.deepStrictEqual(analyze(text, kb(), { today: TODAY }, memo).mtus, full.mtus);
    if (!memo.documentDate.last.reread) kept++;
  }
  assert.ok(kept >= 2, `the date was kept ${kept} times`);
});
