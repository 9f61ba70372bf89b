// The benchmark's page-fault figures (scripts/bench/page-faults.mjs): `npm run bench` prints how
// many fresh pages the language server takes in a first check and a keystroke, and what one costs
// on the machine, so a figure near its target can be told apart from the code's own work.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { repoRoot } from '../helpers/repo';

interface PageFaults {
  minorFaults(pid?: number | 'self'): number | undefined;
  faultMicros(tries?: number): number | undefined;
  faultsBetweenCalls<R>(
    pid: number | 'self',
    prepare: (i: number) => Promise<R>,
  ): { prepare(i: number): Promise<R>; medianOfLast(n: number): number | undefined };
}

const load = async () => (await import(pathToFileURL(path.join(repoRoot(), 'scripts', 'bench', 'page-faults.mjs')).href)) as PageFaults;

test('the page faults a process takes are counted, and what one costs', { skip: process.platform !== 'linux' && 'no /proc here' }, async () => {
  const { minorFaults, faultMicros, faultsBetweenCalls } = await load();
  const before = minorFaults();
  assert.ok(typeof before === 'number' && before > 0, `this process's faults so far: ${before}`);
  const us = faultMicros(2);
  assert.ok(us !== undefined && us > 0 && us < 1000, `a fresh page costs ${us} µs`);
  // As the bench times calls: an untimed step, then the call; the faults are read only in the
  // untimed step, and each count covers the call after it. 8 MB written a byte a page, outside the
  // heap: about 2,048 fresh pages a call.
  // Each buffer is kept until the end, so none is freed and its memory handed out again.
  const kept: Buffer[] = [];
  const touch = (mb: number) => {
    const b = Buffer.allocUnsafeSlow(mb << 20);
    kept.push(b);
    for (let at = 0; at < b.length; at += 4096) b[at] = 1;
    return b.length;
  };
  const calls = faultsBetweenCalls('self', async () => 8);
  for (let i = 0; i < 3; i++) assert.equal(touch(await calls.prepare(i)), 8 << 20);
  const pages = calls.medianOfLast(3)!;
  assert.ok(pages >= 1800 && pages < 4000, `8 MB touched took ${pages} faults`);
  kept.length = 0;
  const idle = faultsBetweenCalls('self', async () => 0);
  await idle.prepare(0);
  const idleFaults = idle.medianOfLast(1)!;
  assert.ok(idleFaults < 50, `a call that touches nothing took ${idleFaults} faults`);
  assert.equal(minorFaults(2 ** 22 + 12345), undefined, 'a process that does not exist has no count');
});
