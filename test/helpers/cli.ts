// Running the real command-line tool (bin/mtus-lint.js) as a user or a CI script would: as a
// child process, without a shell (so a glob reaches mtus-lint unexpanded, as on Windows), in a
// scratch folder of its own.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './repo';

export const ROOT = repoRoot();
export const BIN = path.join(ROOT, 'bin', 'mtus-lint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Extra node flags (a heap limit, to prove a bound). */
  nodeArgs?: string[];
}

/** Run `mtus-lint ARGS`; colour variables from the caller's terminal are removed unless given. */
export function cli(args: string[], opts: RunOptions = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI_COLOR']) delete env[k];
  Object.assign(env, opts.env);
  const t = Date.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env,
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

/**
 * Like cli(), but feeding standard input from a stream that tolerates the CLI closing it early
 * (as it does once it has read what it will check): the writer's EPIPE is expected then.
 */
export function cliFeeding(args: string[], input: Buffer, opts: RunOptions = {}): Promise<Run> {
  const t = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - t });
    });
  });
}

/** Everything the CLI printed, for an assertion message. */
export function explain(r: Run): string {
  return `status ${r.status} after ${r.ms} ms\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

/** A fresh scratch folder; `write` puts files in it (folders made as needed). */
export function scratchDir(prefix = 'mtus-lint-cli-'): { dir: string; write(rel: string, content: string | Uint8Array): string; remove(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return {
    dir,
    write(rel, content) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  docs?: string;
  fixable: boolean;
}
export interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[]; notes?: string[]; fixed?: number; output?: string }[];
  summary: { errors: number; warnings: number; information: number; hints: number; fixable: number };
}

/** `check --format json ARGS`, parsed. */
export function checkJson(args: string[], opts: RunOptions = {}): { run: Run; report: JsonReport } {
  const run = cli(['check', '--format', 'json', ...args], opts);
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, explain(run));
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch (e) {
    throw new Error(`stdout is not JSON (${(e as Error).message})\n${explain(run)}`, { cause: e });
  }
  return { run, report };
}

/** The paths a JSON report covers, sorted. */
export const reportedPaths = (report: JsonReport) => report.files.map((f) => f.path.split(path.sep).join('/')).sort();

/** Invented drafts: one over-limit acupuncture request (an error with a certain fix), and so on. */
export const DRAFTS = {
  overTrial: 'Acupuncture 2x4 for the low back\n',
  clean: 'Acupuncture 2x3 for the low back\n',
  /** Two warnings and no error: a frequency above the limit, more visits without improvement. */
  twoWarnings: 'Physical therapy 4x2 for the low back.\nAdditional 6 physical therapy visits for the neck after 6 completed.\n',
};
