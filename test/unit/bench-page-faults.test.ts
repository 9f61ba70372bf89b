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
  countingFaults<A extends unknown[], R>(
    pid: number | 'self',
    fn: (...args: A) => Promise<R>,
  ): ((...args: A) => Promise<R>) & { last(n: number): number | undefined };
}

const load = async () => (await import(pathToFileURL(path.join(repoRoot(), 'scripts', 'bench', 'page-faults.mjs')).href)) as PageFaults;

test('the page faults a process takes are counted, and what one costs', { skip: process.platform !== 'linux' && 'no /proc here' }, async () => {
  const { minorFaults, faultMicros, countingFaults } = await load();
  const before = minorFaults();
  assert.ok(typeof before === 'number' && before > 0, `this process's faults so far: ${before}`);
  const us = faultMicros(2);
  assert.ok(us !== undefined && us > 0 && us < 1000, `a fresh page costs ${us} µs`);
  // 8 MB written a byte a page, outside the heap: about 2,048 fresh pages each call; nothing for the second function.
  const touch = countingFaults('self', async (mb: number) => {
    const b = Buffer.allocUnsafeSlow(mb << 20);
    for (let at = 0; at < b.length; at += 4096) b[at] = 1;
    return b.length;
  });
  for (let i = 0; i < 3; i++) assert.equal(await touch(8), 8 << 20);
  const pages = touch.last(3)!;
  assert.ok(pages >= 1800 && pages < 4000, `8 MB touched took ${pages} faults`);
  const idle = countingFaults('self', async () => 1);
  await idle();
  assert.ok(idle.last(1)! < 50, `a call that touches nothing took ${idle.last(1)} faults`);
  assert.equal(minorFaults(2 ** 22 + 12345), undefined, 'a process that does not exist has no count');
});
