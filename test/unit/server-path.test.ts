// Issue 15, the server's own work after a keystroke: line starts follow the editor's edits
// instead of being counted again over the whole text, and the pulled report answers
// "unchanged" from a comparison in place. Both must give exactly what the slow way gave.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStarts } from '../../server/src/engine';
import { EditLog } from '../../server/src/features/edit-log';
import { looksBinary } from '../../server/src/features/analysis-cache';
import { nextLineStarts } from '../../server/src/features/line-index';
import { ResultIds, sameDiagnostics } from '../../server/src/features/result-ids';

const SEED = 20_261_202;
const URI = 'file:///draft.rfa';

// Text made mostly of line breaks of every kind, so "\r\n" is split and joined often.
const piece = fc.stringMatching(/^[ab\r\n ]{0,6}$/);
const change = fc.record({ from: fc.nat(), to: fc.nat(), text: piece });

describe('line starts after an edit (features/line-index.ts)', () => {
  test('equal to counting them afresh, after thousands of edits in batches, checked or not in between', () => {
    let checks = 0;
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab\r\n ]{0,40}$/),
        fc.array(fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 4 }), checked: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        (initial, batches) => {
          const log = new EditLog();
          let doc: TextDocument = log.documents.create(URI, 'mtus-request', 1, initial);
          let last = { version: 1, starts: lineStarts(initial) };
          log.mark(URI, 1);
          for (const batch of batches) {
            // One message per change, each range in the text the one before it left.
            for (const c of batch.changes) {
              const length = doc.getText().length;
              const [a, b] = [c.from % (length + 1), c.to % (length + 1)];
              const range = { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) };
              doc = log.documents.update(doc, [{ range, text: c.text }], doc.version + 1);
            }
            if (!batch.checked) continue;
            const text = doc.getText();
            const edit = log.since(URI, last.version);
            assert.notEqual(edit, undefined, 'every edit here has a range');
            const starts = nextLineStarts(text, { starts: last.starts, edit: edit! });
            assert.deepEqual(starts, lineStarts(text), JSON.stringify({ initial, text }));
            checks++;
            last = { version: doc.version, starts };
            log.mark(URI, doc.version);
          }
        },
      ),
      { seed: SEED, numRuns: 1500 },
    );
    assert.ok(checks > 3000, `only ${checks} checks`);
  });

  test('several changes in one message, each in the text the one before it left', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\r\n ]{0,40}$/), fc.array(change, { minLength: 2, maxLength: 5 }), (initial, changes) => {
        const log = new EditLog();
        const doc = log.documents.create(URI, 'mtus-request', 1, initial);
        log.mark(URI, 1);
        // Ranges computed against a scratch copy that takes the changes one at a time.
        const scratch = new EditLog().documents.create(URI, 'mtus-request', 1, initial);
        const events = changes.map((c) => {
          const length = scratch.getText().length;
          const [a, b] = [c.from % (length + 1), c.to % (length + 1)];
          const e = { range: { start: scratch.positionAt(Math.min(a, b)), end: scratch.positionAt(Math.max(a, b)) }, text: c.text };
          new EditLog().documents.update(scratch, [e], scratch.version + 1);
          return e;
        });
        log.documents.update(doc, events, 2);
        assert.equal(doc.getText(), scratch.getText());
        const starts = nextLineStarts(doc.getText(), { starts: lineStarts(initial), edit: log.since(URI, 1)! });
        assert.deepEqual(starts, lineStarts(doc.getText()));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('a whole-text change, or a version it did not follow, is not an edit it can tell', () => {
    const log = new EditLog();
    const doc = log.documents.create(URI, 'mtus-request', 1, 'a\nb');
    log.mark(URI, 1);
    assert.equal(log.since(URI, 1), 'none');
    log.documents.update(doc, [{ text: 'whole\ntext' }], 2);
    assert.equal(log.since(URI, 1), undefined);
    log.mark(URI, 2);
    log.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 3);
    assert.deepEqual(log.since(URI, 2), { start: 0, oldEnd: 0, newEnd: 1 });
    assert.equal(log.since(URI, 1), undefined, 'counted from version 2, not 1');
  });
});

describe('pulled reports answer "unchanged" (features/result-ids.ts)', () => {
  const diag = (message: string, line: number, version: number): Diagnostic => ({
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    message,
    source: 'mtus-lint',
    code: 'therapy-over-trial',
    data: { version, fix: { title: 'Change', edits: [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: '6' }] } },
  });

  test('the same problems in a newer version are the same; a moved, reworded or new one is not', () => {
    assert.ok(sameDiagnostics([diag('8 exceeds 6', 3, 1)], [diag('8 exceeds 6', 3, 2)]));
    assert.ok(!sameDiagnostics([diag('8 exceeds 6', 3, 1)], [diag('8 exceeds 6', 4, 2)]));
    assert.ok(!sameDiagnostics([diag('8 exceeds 6', 3, 1)], [diag('9 exceeds 6', 3, 1)]));
    assert.ok(!sameDiagnostics([diag('8 exceeds 6', 3, 1)], [diag('8 exceeds 6', 3, 1), diag('x', 5, 1)]));
    const edited = diag('8 exceeds 6', 3, 1);
    (edited.data as { fix: { edits: { newText: string }[] } }).fix.edits[0].newText = '5';
    assert.ok(!sameDiagnostics([diag('8 exceeds 6', 3, 1)], [edited]), 'a different fix is a different diagnostic');
    assert.ok(sameDiagnostics([{ ...diag('a', 1, 1), tags: undefined }], [diag('a', 1, 1)]), 'an absent field and an undefined one agree');
    assert.ok(!sameDiagnostics([diag('a', 1, 1)], [{ ...diag('a', 1, 1), tags: [1] }]), 'a field only the second has is a difference');
    assert.ok(!sameDiagnostics([{ ...diag('a', 1, 1), tags: [1] }], [diag('a', 1, 1)]), 'a field only the first has is a difference');
  });

  test('an editor holding the last report is told "unchanged"; one holding another gets the list', () => {
    const ids = new ResultIds();
    const first = ids.report(URI, [diag('8 exceeds 6', 3, 1)], undefined);
    assert.equal(first.kind, 'full');
    const id = first.resultId!;
    assert.deepEqual(ids.report(URI, [diag('8 exceeds 6', 3, 2)], id), { kind: 'unchanged', resultId: id });
    assert.equal(ids.report(URI, [diag('8 exceeds 6', 3, 3)], 'stale').kind, 'full');
    const changed = ids.report(URI, [diag('8 exceeds 6', 4, 4)], id);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, id);
  });
});

describe('whether a document is binary (features/analysis-cache.ts), asked on every check', () => {
  // The answer as the loop gives it over the first 8,192 characters: what the regex fast path must agree with.
  const byLoop = (text: string) => {
    const sample = text.slice(0, 8192);
    if (sample.includes('\u0000')) return true;
    let control = 0;
    for (const ch of sample) {
      const c = ch.charCodeAt(0);
      if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    }
    return sample.length > 0 && control / sample.length > 0.1;
  };

  test('the same answer as counting every control character, for text with and without them', () => {
    const char = fc.oneof(
      fc.constantFrom('a', ' ', '\t', '\n', '\r', '\f', 'é'),
      fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), fc.nat(9000), (chars, pad) => {
        const text = chars.join('') + (pad % 3 === 0 ? 'x'.repeat(pad) : '');
        assert.equal(looksBinary(text), byLoop(text), JSON.stringify(text.slice(0, 80)));
      }),
      { seed: SEED, numRuns: 3000 },
    );
    assert.equal(looksBinary('Physical therapy 2x3 for the knee.\r\n'), false);
    assert.equal(looksBinary('\u0001\u0002\u0003 binary'), true);
  });
});
