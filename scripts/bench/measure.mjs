// Timing helpers for the benchmark, and the yardstick every figure is compared with: one pass
// of a regular expression over the same text, measured in the same run on the same machine,
// so a ratio means the same thing on a slow laptop and a fast server.
import { performance } from 'node:perf_hooks';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** Median milliseconds of `runs` calls after `warm` unmeasured ones. */
export function timeSync(fn, runs, warm = 3) {
  for (let i = 0; i < warm; i++) fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/**
 * The least CPU time (user + system, this process) of `runs` calls after `warm` unmeasured ones:
 * on a machine shared with other work the wall clock measures the neighbours too, the CPU time
 * spent far less, and its minimum least of all.
 */
export function cpuMinMs(fn, runs, warm = 3) {
  for (let i = 0; i < warm; i++) fn(i);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn(warm + i);
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

/**
 * The same for asynchronous work (a request to the server and its answer). `prepare`, when
 * given, runs before each call, untimed, and its result is passed to `fn`: the editor's own
 * bookkeeping is not the server's work.
 */
export async function timeAsync(fn, runs, warm = 3, prepare = async () => undefined) {
  for (let i = 0; i < warm; i++) await fn(await prepare(i));
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const ready = await prepare(warm + i);
    const t = performance.now();
    await fn(ready);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** One pass of the knowledge base's treatment-name regex over the text, as a function to time. */
export function scanner(kb, text) {
  const re = new RegExp(kb.treatmentPattern.source, kb.treatmentPattern.flags.includes('g') ? kb.treatmentPattern.flags : `${kb.treatmentPattern.flags}g`);
  return () => {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(text)) n++;
    return n;
  };
}

/**
 * One pass of the treatment-name regex over the text: the first thing any check of a draft has
 * to do, so the least a checker can cost. Returns its median time.
 */
export function scanMs(kb, text, runs = 15) {
  return timeSync(scanner(kb, text), runs);
}

/**
 * Median time to make the text whole again after a one-character edit in its middle: the copy
 * every keystroke costs a server that holds the document as one string (the LSP text-document
 * library makes it). Its cost is mostly the operating system handing over fresh memory, which
 * varies far more between machines than the regex pass does.
 */
export function copyMs(text, runs = 15) {
  const at = text.length >> 1;
  let current = text;
  return timeSync(() => {
    current = current.length === text.length ? current.slice(0, at) + 'x' + current.slice(at) : text.slice(0, at) + text.slice(at);
    return current.charCodeAt(at);
  }, runs);
}

export const fmtMs = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);
export const fmtRatio = (r) => (Number.isFinite(r) ? (r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(1)}x`) : '-');

/** Print rows as a table whose columns line up; the first row is the header. */
export function printTable(rows, rightAligned = []) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  const line = (r) =>
    r
      .map((cell, c) => (rightAligned.includes(c) ? String(cell ?? '').padStart(widths[c]) : String(cell ?? '').padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}
