import * as fs from 'node:fs';

// Reading a file a user's setting names, where the name may point at anything: a FIFO (an open
// that waits forever for a writer), /dev/zero (a read that never ends), a 3 GB export. Only a
// regular file is read, its size is checked before a byte is read, and never more than the cap
// is read even if it grows meanwhile. Everything is asynchronous, so a slow disk holds up no
// request of the editor's.

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
    if (e instanceof FileRefusedError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileRefusedError(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (e as Error).message})`, 'unreadable');
  }
  try {
    // The name may have been pointed elsewhere between stat and open: judge what was opened.
    const st = await handle.stat();
    const late = refusal(st, maxBytes);
    if (late) throw late;
    // Read to the end rather than to the size stat gave: a file still being written may grow.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 64 * 1024), MB, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new FileRefusedError(`grew past the ${formatBytes(maxBytes)} read at most while it was read`, 'too-large');
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof FileRefusedError) throw e;
    throw new FileRefusedError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'unreadable');
  } finally {
    await handle.close().catch(() => undefined);
  }
}
