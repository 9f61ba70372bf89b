// Reading a file that may be anything (bounded-read.ts), the asynchronous way the language server
// reads and the way a thread with nothing else to do reads (corpus build's worker threads and the
// command line): the same bytes from a regular file, however it divides into reads, and the same
// refusals of what is not one, at once and without reading it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { FileRefusedError, readRegularFile, readRegularFileSync } from '../../server/src/bounded-read';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-bounded-read-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const KB = 1024;
const MB = 1024 * KB;
const ways = [
  ['asynchronous', (file: string, max: number) => readRegularFile(file, max)],
  ['waiting on the disk', async (file: string, max: number) => readRegularFileSync(file, max)],
] as const;

/** Bytes that differ from place to place, so a chunk read twice or left out shows. */
function bytesOf(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 8)) & 0xff;
  return b;
}

async function refusal(read: Promise<Buffer>): Promise<FileRefusedError> {
  try {
    await read;
  } catch (e) {
    assert.ok(e instanceof FileRefusedError, String(e));
    return e;
  }
  assert.fail('the file was read');
}

for (const [way, read] of ways) {
  describe(`reading a file ${way}`, () => {
    test('a regular file comes whole, whether it takes one read or many, and up to the cap', async () => {
      // Empty, small, the size of one 64 KB read and one byte either side, and several 1 MB reads.
      for (const size of [0, 10, 64 * KB - 1, 64 * KB, 64 * KB + 1, MB, 2 * MB + 17]) {
        const file = path.join(dir, `${way}-${size}.txt`);
        const bytes = bytesOf(size);
        fs.writeFileSync(file, bytes);
        assert.ok((await read(file, 3 * MB)).equals(bytes), `${size} bytes`);
        assert.ok((await read(file, size)).equals(bytes), `${size} bytes, the cap exactly`);
      }
    });

    test('what is not a regular file, or is over the cap, is refused with the reason', async (t) => {
      const file = path.join(dir, `${way}-big.txt`);
      fs.writeFileSync(file, bytesOf(5000));
      assert.match((await refusal(read(file, 4999))).message, /is 5 KB, more than the 5 KB read at most/);
      assert.equal((await refusal(read(dir, MB))).message, 'is a folder, not a file');
      assert.equal((await refusal(read(path.join(dir, 'none.txt'), MB))).message, 'does not exist');
      if (fs.existsSync('/dev/zero')) assert.equal((await refusal(read('/dev/zero', MB))).message, 'is a device, not a file');
      const fifo = path.join(dir, `${way}.fifo`);
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        t.diagnostic('mkfifo is not available on this machine: no FIFO tried');
        return;
      }
      // Refused from its stat, never opened: an open would wait for a writer that never comes.
      assert.equal((await refusal(read(fifo, MB))).message, 'is a named pipe (FIFO), not a file');
    });
  });
}
