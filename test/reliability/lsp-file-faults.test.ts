// The real server pointed at files that are not what they claim (issue 11, section 3): a FIFO or
// /dev/zero as the knowledge file, a folder, a huge or broken file, a FIFO among the letters, an
// unreadable subfolder. Each is refused with a message; the server neither hangs nor grows, and
// goes on checking with what it has.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { docUri, LspClient, ROOT } from '../helpers/lsp-client';
import { inventedLetter } from '../helpers/invented-letter';
import { tally } from './tally';

const DRAFT = 'Acupuncture 2x4 low back\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-reliability-files-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The server's resident memory now and at its peak, from /proc (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

describe('the knowledge file is not a knowledge file', () => {
  let client: LspClient;
  const fifo = path.join(dir, 'knowledge.fifo.json');
  before(async () => {
    execFileSync('mkfifo', [fifo]);
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  /** Point the setting at `file`; the draft must still be checked, and the user told why the file was not used. */
  async function tryFile(file: string, expected: RegExp): Promise<void> {
    const uri = docUri(`knowledge-${path.basename(file)}.rfa`);
    const checked = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', DRAFT);
    assert.deepEqual(
      (await checked).diagnostics.map((d) => d.code),
      ['therapy-over-trial'],
    );
    const from = client.messages.length;
    await client.changeConfiguration({ debounceMs: 0, knowledge: { customFile: file } });
    const m = await client.waitForMessage((x) => client.messages.indexOf(x) >= from && x.message.includes(file), `a message about ${file}`);
    assert.match(m.message, expected);
    // Still answering, with the bundled knowledge base.
    assert.ok(await client.hoverOn(uri, '2x4'), 'hover answers');
    const rechecked = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'therapy-over-trial'), 'the draft checked again');
    await client.replaceText(uri, DRAFT.replace('low', 'lower'));
    await rechecked;
    tally('lsp', 1, 0);
    await client.close(uri);
  }

  test('a FIFO: refused at once, the server does not wait for a writer', () =>
    tryFile(fifo, /is a named pipe \(FIFO\), not a file; using the bundled knowledge base/));

  test('/dev/zero: refused, and the server does not grow', async () => {
    await tryFile('/dev/zero', /is a device, not a file/);
    const { rssMb } = memoryOf(client.proc.pid!);
    assert.ok(rssMb < 400, `the server holds ${rssMb.toFixed(0)} MB`);
  });

  test('a folder, a missing file, and a file over 5 MB: each refused with its reason', async () => {
    await tryFile(dir, /is a folder, not a file/);
    await tryFile(path.join(dir, 'missing.json'), /does not exist/);
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, `{"treatments": [${'{"id": "x"},'.repeat(600_000)}]}`);
    await tryFile(big, /is [\d.]+ MB, more than the 5\.0 MB read at most; using the bundled knowledge base\.$/);
  });

  test('broken JSON, deep nesting and binary bytes: a problem in the file, placed on its line', async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['trailing.json', '{\n  "limits": [\n    {"id": 1,,}\n  ]\n}\n', /not valid JSON: a property name in double quotes was expected here/],
      ['nested.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /nested too deeply|not a section|expected object/],
      ['binary.json', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x22, 0x0a]), /not valid JSON/],
    ];
    for (const [name, content, expected] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const fileUri = `file://${file}`;
      const problems = client.waitForDiagnostics(fileUri, (p) => p.diagnostics.length > 0, `problems in ${name}`, 10_000);
      await client.changeConfiguration({ debounceMs: 0, knowledge: { customFile: file } });
      const p = await problems;
      tally('lsp', 1, 0);
      assert.match(String(p.diagnostics[0].message), expected, name);
      if (name === 'trailing.json') assert.equal(p.diagnostics[0].range.start.line, 2, 'on the line of the stray comma');
      assert.ok(p.diagnostics.length <= 3, `${p.diagnostics.length} problems for one error`);
    }
  });

  test('a knowledge file with comments and trailing commas, as VS Code settings have, is used', async () => {
    const file = path.join(dir, 'commented.json');
    const acupuncture = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/src/knowledge/data/treatments.json'), 'utf8')).find(
      (t: { id: string }) => t.id === 'acupuncture',
    );
    fs.writeFileSync(
      file,
      `// the practice's aliases\n{ "treatments": [ ${JSON.stringify({ ...acupuncture, aliases: [...acupuncture.aliases, 'dry needling'] })}, ], }\n`,
    );
    const uri = docUri('dry-needling.rfa');
    const used = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'therapy-over-trial'), 'the alias from the commented file');
    await client.changeConfiguration({ debounceMs: 0, knowledge: { customFile: file } });
    await client.open(uri, 'mtus-request', 'Dry needling 2x4 low back\n');
    await used;
    tally('lsp', 1, 0);
  });

  test('the server hit no internal errors', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});

describe('corpus folders holding what is not a letter', () => {
  let client: LspClient;
  const letters = path.join(dir, 'letters');
  before(async () => {
    fs.mkdirSync(path.join(letters, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(letters, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    fs.writeFileSync(path.join(letters, 'sub', 'CM99-0000002.txt'), inventedLetter('CM99-0000002'));
    execFileSync('mkfifo', [path.join(letters, 'CM99-0000003.txt')]);
    client = await LspClient.start({ settings: { debounceMs: 0 }, env: { XDG_CACHE_HOME: path.join(dir, 'cache') } });
  });
  after(async () => {
    await client.dispose();
  });

  test('a FIFO named like a letter is passed over, the others are indexed', async () => {
    const logged = client.waitForLog((l) => /decisions indexed/.test(l.message), 'the indexing summary in the log', 10_000);
    await client.changeConfiguration({ debounceMs: 0, corpus: { paths: [letters] } });
    const uri = docUri('corpus-fifo.rfa');
    const checked = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', DRAFT);
    await checked;
    const summary = (await logged).message;
    tally('lsp', 1, 0);
    assert.match(summary, /^2 decisions indexed$/);
  });
});

describe('an unreadable subfolder', () => {
  test('is skipped, the other folders are indexed, and the user is told once which', () => {
    // Root reads every folder: when the tests run as root, the indexing runs as "nobody".
    const letters = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-reliability-unreadable-'));
    try {
      for (const sub of ['a', 'b-locked', 'c']) fs.mkdirSync(path.join(letters, sub));
      fs.writeFileSync(path.join(letters, 'a', 'CM99-0000011.txt'), inventedLetter('CM99-0000011'));
      fs.writeFileSync(path.join(letters, 'b-locked', 'CM99-0000012.txt'), inventedLetter('CM99-0000012'));
      fs.writeFileSync(path.join(letters, 'c', 'CM99-0000013.txt'), inventedLetter('CM99-0000013'));
      for (const d of [letters, path.join(letters, 'a'), path.join(letters, 'c')]) fs.chmodSync(d, 0o755);
      fs.chmodSync(path.join(letters, 'b-locked'), 0o000);
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const script = path.join(ROOT, 'out', 'test', 'helpers', 'index-folders-child.js');
      const r = spawnSync(process.execPath, [script, letters, path.join(letters, 'cache')], { encoding: 'utf8', timeout: 30_000, ...asNobody });
      assert.equal(r.status, 0, r.stderr);
      const { letters: indexed, warnings } = JSON.parse(r.stdout) as { letters: number; warnings: string[] };
      tally('lsp', 1, 0);
      assert.equal(indexed, 2, 'the letters in a/ and c/');
      assert.deepEqual(warnings, [
        `1 folder of IMR letters could not be read and was skipped: "${path.join(letters, 'b-locked')}" (EACCES). The letters in the other folders are indexed.`,
      ]);
    } finally {
      fs.chmodSync(path.join(letters, 'b-locked'), 0o755);
      fs.rmSync(letters, { recursive: true, force: true });
    }
  });
});
