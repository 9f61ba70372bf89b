// Issue 11, section 4: a 50 MB document. The engine checks the first 2,000,000 characters
// (mtusLint.maxDocumentSize, at most 50,000,000); the server holds the editor's copy of the
// text and no other, and its peak resident memory stays under a stated bound. Most of the peak
// is the protocol library reading one 50 MB message (its bytes, their concatenation, the
// decoded string and the parsed text), about four times the document; an edit briefly holds
// the old text and the new while V8 joins the edited pieces.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { docUri, LspClient } from '../helpers/lsp-client';
import { tally } from './tally';

/** Peak resident memory of the server process, from /proc (Linux). */
const peakMb = (pid: number) => Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

export const BOUND_MB = 400;

describe('a 50 MB document', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test(`is checked to 2,000,000 characters, with a notice, and the server peaks under ${BOUND_MB} MB`, async () => {
    const uri = docUri('fifty-megabytes.rfa');
    // Records as a long export holds them: prose, with a request now and then.
    const page = `${'The patient was seen today for follow-up of the work injury and reports the same symptoms.\n'.repeat(99)}Acupuncture 2x4 low back.\n`;
    const text = page.repeat(Math.ceil(50_000_000 / page.length));
    const before = peakMb(client.proc.pid!);
    const checked = client.waitForVersion(uri, 1, 60_000);
    const started = Date.now();
    await client.open(uri, 'mtus-request', text);
    const p = await checked;
    const ms = Date.now() - started;
    const peak = peakMb(client.proc.pid!);
    tally('lsp', 1, 0);
    process.stderr.write(
      `# 50 MB document: checked in ${ms} ms; server peak resident memory ${peak.toFixed(0)} MB (${before.toFixed(0)} MB before it was opened)\n`,
    );
    assert.match(String(p.diagnostics[0].message), /mtus-lint checked only the first 2,000,000/);
    assert.ok(peak < BOUND_MB, `the server peaked at ${peak.toFixed(0)} MB`);
    const edited = client.waitForVersion(uri, 2, 60_000);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Massage x 8 neck\n' }]);
    await edited;
    const afterEdit = peakMb(client.proc.pid!);
    process.stderr.write(`# after one edit: peak ${afterEdit.toFixed(0)} MB\n`);
    assert.ok(afterEdit < BOUND_MB, `the server peaked at ${afterEdit.toFixed(0)} MB after an edit`);
  });
});
