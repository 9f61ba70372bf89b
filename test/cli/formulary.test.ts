// `mtus-lint formulary import` and `list` as a user runs them (the reading of the Drug List is
// tested in-process in test/unit/formulary-import.test.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROWS, toCsv } from '../helpers/drug-list-files';
import { repoRoot } from '../helpers/repo';

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-drug-list-'));
function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('the formulary commands', () => {
  test('mtus-lint formulary import and list, storing per user (MTUS_LINT_DATA_DIR)', () => {
    const dir = scratch();
    const env = { ...process.env, MTUS_LINT_DATA_DIR: path.join(dir, 'data') };
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot(), 'bin/mtus-lint.js'), ...args], { env, encoding: 'utf8' });
    const ok = cli('formulary', 'import', write(dir, 'list.csv', toCsv(ROWS)));
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^imported MTUS Drug List v13, effective 2025-08-06: 5 drugs \(3 Exempt, 2 Non-Exempt; 1 with Special Fill, 2 with Perioperative Fill\), from list\.csv/,
    );
    assert.ok(fs.existsSync(path.join(dir, 'data', 'drug-lists', 'v13.json')));
    assert.match(cli('formulary', 'list').stdout, /MTUS Drug List v13, effective 2025-08-06: 5 drugs/);
    const bad = cli('formulary', 'import', write(dir, 'bad.csv', 'Drug,Unit\nIbuprofen,tab\n'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^mtus-lint: bad\.csv: row 1 of sheet "CSV" looks like the header but has no "Exempt\/Non-Exempt" column/);
    const usage = cli('formulary', 'import');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /formulary import takes one file/);
  });
});
