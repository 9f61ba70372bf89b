import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/engine';
import { defaultKnowledge } from '../../server/src/knowledge/load';

/** The repository root: the nearest folder above this file with our package.json. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'mtus-lint') return dir;
    if (path.dirname(dir) === dir) throw new Error('mtus-lint repository root not found');
  }
}

/**
 * The shared IMR corpus beside the clone. CI always has it, so there its absence fails the
 * run; elsewhere the tests that need it skip, saying so loudly.
 */
export function corpusDir(): string | undefined {
  const dir = path.resolve(repoRoot(), '..', 'shared', 'corpus', 'imr');
  if (fs.existsSync(dir)) return dir;
  const msg = `\n!!! The IMR corpus was not found at ${dir}.\n!!! Tests that read the real letters cannot run without it (CI puts ../shared beside the clone).\n`;
  if (process.env.CI) throw new Error(msg);
  process.stderr.write(msg);
  return undefined;
}

export const kb = () => defaultKnowledge();

export const check = (text: string, options?: AnalyzeOptions): Analysis => analyze(text, kb(), options);

export const rulesOf = (text: string, options?: AnalyzeOptions) => check(text, options).findings.map((f) => f.rule);
