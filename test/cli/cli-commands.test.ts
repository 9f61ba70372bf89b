// The command line's other faces: --version, --help for each command, `lsp --stdio` answering an
// editor, and --edition choosing the guideline edition a file is judged by.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cli, explain, ROOT, scratchDir } from '../helpers/cli';

const s = scratchDir('mtus-lint-cli-test-');
after(() => s.remove());
/** Write a scratch file and return its path. */
const scratch = (name: string, content: string | Uint8Array) => s.write(name, content);

test('--version prints the package version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const r = cli(['--version']);
  assert.equal(r.status, 0, explain(r));
  assert.equal(r.stdout.trim(), pkg.version);
});

test("--help lists the commands; COMMAND --help (and help COMMAND) gives each one's options", () => {
  const r = cli(['--help']);
  assert.equal(r.status, 0, explain(r));
  assert.match(r.stdout, /Usage: mtus-lint COMMAND/);
  for (const c of ['check', 'lsp', 'corpus']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  assert.equal(r.stderr, '');
  const wanted: Record<string, RegExp[]> = {
    check: [
      /--format text\|json\|sarif/,
      /--max-warnings N/,
      /--fix-dry-run/,
      /--stdin-filename/,
      /--no-color/,
      /--config FILE/,
      /--rule ID:SEVERITY/,
      /Exit status/,
    ],
    lsp: [/--stdio/],
    corpus: [/corpus build/, /corpus measure/],
  };
  for (const [command, patterns] of Object.entries(wanted)) {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const h = cli(args);
      assert.equal(h.status, 0, `${args.join(' ')}: ${explain(h)}`);
      for (const p of patterns) assert.match(h.stdout, p, `${args.join(' ')}`);
    }
  }
});

test('lsp --stdio answers an initialize request', async () => {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (stderr += s));
  try {
    const response = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no initialize response within 20 s; stderr: ${stderr}`)), 20_000);
      let buffer = Buffer.alloc(0);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before answering; stderr: ${stderr}`));
      });
      child.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        // Read every complete Content-Length framed message; resolve on the answer to id 1.
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd === -1) return;
          const length = /Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
          if (!length) {
            clearTimeout(timer);
            reject(new Error(`a message without Content-Length: ${buffer.subarray(0, headerEnd).toString()}`));
            return;
          }
          const end = headerEnd + 4 + Number(length[1]);
          if (buffer.length < end) return;
          const message = JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8')) as Record<string, unknown>;
          buffer = buffer.subarray(end);
          if (message.id === 1 && ('result' in message || 'error' in message)) {
            clearTimeout(timer);
            resolve(message);
            return;
          }
        }
      });
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: process.pid, rootUri: null, capabilities: {}, clientInfo: { name: 'cli.test' } },
      });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
    });
    assert.equal(response.jsonrpc, '2.0');
    assert.equal(response.error, undefined, JSON.stringify(response.error));
    const result = response.result as { capabilities?: Record<string, unknown>; serverInfo?: { name?: string } };
    assert.equal(typeof result.capabilities, 'object');
    assert.ok(result.capabilities!.textDocumentSync !== undefined, 'the server syncs documents');
  } finally {
    child.stdout.removeAllListeners('data');
    child.removeAllListeners('exit');
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  }
});

test('--edition chooses the Chronic Pain edition; the report says which one judged each file', () => {
  const file = scratch('edition.rfa', 'Chiropractic 2x4, low back\n');
  const byDefault = cli(['check', file]);
  assert.match(byDefault.stdout, /note: judged by CPMTG 2016 \(the default edition\)/);
  assert.match(byDefault.stdout, /\(CPMTG 2016, Manual therapy & manipulation\)/);
  const chosen = cli(['check', '--edition', '2009', file]);
  assert.match(chosen.stdout, /note: judged by CPMTG 2009 \(--edition\)/);
  assert.match(chosen.stdout, /\(CPMTG 2009 pp\. 58-59\)/);
  const wrong = cli(['check', '--edition=1999', file]);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--edition must be auto or one of 2009, 2016, not "1999"/);
});
