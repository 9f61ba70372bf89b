import * as fs from 'node:fs';

// Reading a file a user's setting names, where the name may point at anything: a FIFO (an open
// that waits forever for a writer), /dev/zero (a read that never ends), a 3 GB export. Only a
// regular file is read, its size is checked before a byte is read, and never more than the cap
// is read even if it grows meanwhile. In the language server everything is asynchronous, so a slow
// disk holds up no request of the editor's.

/** Why a file was not read, in words a user can act on. */
export class FileRefusedError extends Error {
  constructor(
    message: string,
    readonly code: 'not-regular' | 'too-large' | 'unreadable',
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

const MB = 1024 * 1024;

/** "3.2 MB", "512 KB", "0 bytes": sizes in messages. */
export function formatBytes(n: number): string {
  if (n >= MB) return `${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Refuses what is not a regular file of at most `maxBytes`, from its stat alone. */
export function refusal(st: fs.Stats, maxBytes: number): FileRefusedError | undefined {
  if (!st.isFile()) return new FileRefusedError(`is ${kindOf(st)}, not a file`, 'not-regular');
  if (st.size > maxBytes) return new FileRefusedError(`is ${formatBytes(st.size)}, more than the ${formatBytes(maxBytes)} read at most`, 'too-large');
  return undefined;
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it changes
// nothing for a regular file. Windows has no such flag (and no FIFOs on disk).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file of at most `maxBytes`. Throws FileRefusedError for anything else,
 * or when the file cannot be opened (the message then holds the system's code, never content).
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.promises.FileHandle;
  try {
    // stat first: it does not open, so a FIFO or device is refused before any open.
    const before = await fs.promises.stat(file);
    const early = refusal(before, maxBytes);
    if (early) throw early;
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (e) {
    throw asRefusal(e);
  }
  try {
    // The name may have been pointed elsewhere between stat and open: judge what was opened.
    const st = await handle.stat();
    const late = refusal(st, maxBytes);
    if (late) throw late;
    const bytes = new Gathered(st.size, maxBytes);
    while (bytes.take((await handle.read(bytes.chunk(), 0, bytes.wanted, null)).bytesRead));
    return bytes.all();
  } catch (e) {
    throw asRefusal(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readRegularFile without a hand-off to Node's I/O threads, for a thread that has nothing else to
 * do meanwhile (a worker thread of `corpus build`, or the command reading in one thread): each
 * hand-off costs the calling thread about 50 µs on a virtual machine, six of them a letter. The
 * same refusals; O_NONBLOCK still keeps an open from waiting on a FIFO.
 */
export function readRegularFileSync(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    const early = refusal(fs.statSync(file), maxBytes);
    if (early) throw early;
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw asRefusal(e);
  }
  try {
    const st = fs.fstatSync(fd);
    const late = refusal(st, maxBytes);
    if (late) throw late;
    const bytes = new Gathered(st.size, maxBytes);
    while (bytes.take(fs.readSync(fd, bytes.chunk(), 0, bytes.wanted, null)));
    return bytes.all();
  } catch (e) {
    throw asRefusal(e);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {}
  }
}

/** A refusal as it stands, or the system's error in words (its code, never the file's content). */
function asRefusal(e: unknown): FileRefusedError {
  if (e instanceof FileRefusedError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  return new FileRefusedError(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (e as Error).message})`, 'unreadable');
}

/**
 * The chunks of a file read to its end rather than to the size stat gave (a file still being
 * written may grow), never more than the cap. A read shorter than asked is the end of a regular
 * file, so a file read whole at once takes one read, not a second that finds nothing.
 */
class Gathered {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private current = Buffer.alloc(0);

  constructor(
    private readonly size: number,
    private readonly maxBytes: number,
  ) {}

  /** A buffer for the next read, of `wanted` bytes. */
  chunk(): Buffer {
    this.current = Buffer.allocUnsafe(Math.min(Math.max(this.size + 1, 64 * 1024), MB, this.maxBytes + 1 - this.total));
    return this.current;
  }

  get wanted(): number {
    return this.current.length;
  }

  /** Counts a read of `n` bytes into the last chunk; false when the file has ended. */
  take(n: number): boolean {
    if (n === 0) return false;
    this.chunks.push(this.current.subarray(0, n));
    this.total += n;
    if (this.total > this.maxBytes) throw new FileRefusedError(`grew past the ${formatBytes(this.maxBytes)} read at most while it was read`, 'too-large');
    return n === this.current.length;
  }

  all(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}
