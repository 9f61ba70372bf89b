// Page faults: how often a process is handed a fresh page of memory, and what one costs here.
// On the 2-core virtual machine this project is measured on, a fresh page costs about 11 µs
// (the host backs guest memory lazily), ten times or more what it costs on a machine of its own,
// and a first check of a 1 MB document takes a couple of thousand of them: the benchmark prints
// both, so a figure near its target can be told apart from the code's own work. Linux only
// (/proc); elsewhere these return undefined and the rows say so.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median } from './measure.mjs';

/** The minor page faults a process has taken so far (`pid`, or this process), if /proc says. */
export function minorFaults(pid = 'self') {
  try {
    // Field 10 of /proc/PID/stat; counted after the command name, which ends at the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const n = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Microseconds this machine takes per fresh page, least of a few tries: 32 MB of memory the
 * process never had (allocated outside the JavaScript heap), written one byte a page.
 */
export function faultMicros(tries = 5) {
  if (minorFaults() === undefined) return undefined;
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const before = minorFaults();
    const t = performance.now();
    const b = Buffer.allocUnsafeSlow(32 << 20);
    for (let at = 0; at < b.length; at += 4096) b[at] = 1;
    const ms = performance.now() - t;
    const faults = minorFaults() - before;
    if (faults > 1000) best = Math.min(best, (ms * 1000) / faults);
  }
  return Number.isFinite(best) ? best : undefined;
}

/**
 * `prepare` (timeAsync's untimed step before each call) wrapped to read process `pid`'s faults as
 * it ends: between two reads lies exactly one timed call, and no read falls inside the timing.
 * `medianOfLast(n)` reads once more (after the last call) and gives the median over the last n.
 */
export function faultsBetweenCalls(pid, prepare) {
  const counts = [];
  let last;
  const read = () => {
    const now = minorFaults(pid);
    if (last !== undefined && now !== undefined) counts.push(now - last);
    last = now;
  };
  return {
    prepare: async (i) => {
      const ready = await prepare(i);
      read();
      return ready;
    },
    medianOfLast: (n) => {
      read();
      return counts.length ? median(counts.slice(-n)) : undefined;
    },
  };
}
