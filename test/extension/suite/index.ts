// The extension-host test suite's entry point. VS Code (desktop under @vscode/test-electron, or
// code-server in a browser, see ../run-code-server.mjs) loads the extension under development,
// then calls run() inside its extension host; when the promise settles it exits with 0 or 1.
//
// Programmatic mocha with an explicit file list (no glob): mocha's own spec output, then one
// line "N passed, N failed" that the runners read.
import * as path from 'node:path';
import Mocha from 'mocha';
import { print } from './output';

/** The test files, in the order they run. Each works on its own copies of the fixture files. */
export const TEST_FILES = [
  'activation',
  'diagnostics',
  'hover',
  'quick-fix',
  'fix-on-save',
  'settings',
  'edition',
  'authoring',
  'knowledge-file',
  'writing-aids',
  'drug-list',
  'controls',
].map((name) => `${name}.test.js`);
/** Run alone, in a workspace VS Code does not trust (see ../run-code-server.mjs), from restricted-index. */
export const RESTRICTED_FILES = ['restricted.test.js'];

export function run(): Promise<void> {
  return runFiles(process.env.MTUS_LINT_SUITE === 'restricted' ? RESTRICTED_FILES : TEST_FILES);
}

export function runFiles(files: string[]): Promise<void> {
  Mocha.reporters.Base.consoleLog = print;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000 });
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise<void>((resolve, reject) => {
    const finish = (passed: number, failed: number, error?: unknown) => {
      print(`${passed} passed, ${failed} failed`);
      if (error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
      else if (failed > 0) reject(new Error(`${failed} extension-host test${failed === 1 ? '' : 's'} failed`));
      else resolve();
    };
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats ?? { passes: 0, failures: 1 };
        finish(stats.passes, stats.failures);
      });
    } catch (e) {
      // A test file that does not load (syntax error, missing module) counts as one failure.
      print(`the extension-host suite could not start: ${(e as Error)?.stack ?? String(e)}`);
      finish(0, 1, e);
    }
  });
}
