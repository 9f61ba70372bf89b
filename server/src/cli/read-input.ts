import * as fs from 'node:fs';
import { decodeText, type TextEncoding } from '../text-decoding';

// Reading a draft for the CLI: only regular files (a FIFO would block forever, /dev/zero never
// end), and at most the bytes that can hold the characters that will be checked, so a 50 MB
// file costs what its first 2 million characters cost.

export interface Draft {
  text: string;
  encoding: TextEncoding;
  note?: string;
  /** The input held more than was read: only its start is checked, and it is never rewritten. */
  truncated: boolean;
  /** A file's size and time when read (--fix saves only if they are unchanged). */
  stat?: { mtimeMs: number; size: number };
}

export type ReadResult = { ok: true; draft: Draft } | { ok: false; reason: string };

/**
 * The most bytes `maxChars` UTF-16 characters can take: 3 in UTF-8 (a 4-byte sequence is two
 * UTF-16 units), 2 in UTF-16, 1 in Windows-1252; plus a byte-order mark. Decoding that many
 * bytes always gives more than `maxChars` characters when the input is longer, so the engine's
 * own cap still says where checking stopped.
 */
export const bytesFor = (maxChars: number) => maxChars * 3 + 4;

export function readDraftFile(file: string, maxChars: number): ReadResult {
  let fd: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!st.isFile()) return { ok: false, reason: 'is not a regular file (a device, pipe or socket); save the draft to a file first' };
    // O_NONBLOCK: should the file have been swapped for a pipe since, opening does not wait.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: describe(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'is not a regular file (a device, pipe or socket); save the draft to a file first' };
    const limit = bytesFor(maxChars);
    const buf = Buffer.alloc(Math.min(st.size, limit));
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    const read = decodeDraft(buf.subarray(0, got), st.size > limit);
    if (read.ok) read.draft.stat = { mtimeMs: st.mtimeMs, size: st.size };
    return read;
  } catch (e) {
    return { ok: false, reason: describe(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input, up to the same bound; the rest is left unread. */
export function readDraftStream(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxChars: number): Promise<ReadResult> {
  const limit = bytesFor(maxChars);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let got = 0;
    let done = false;
    const finish = (result: ReadResult) => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(b);
      got += b.length;
      if (got > limit) {
        stream.pause();
        stream.destroy?.();
        finish(decodeDraft(Buffer.concat(chunks).subarray(0, limit), true));
      }
    };
    stream.on('data', onData);
    stream.once('end', () => finish(decodeDraft(Buffer.concat(chunks), false)));
    stream.once('error', (e: Error) => finish({ ok: false, reason: describe(e) }));
  });
}

function decodeDraft(bytes: Buffer, truncated: boolean): ReadResult {
  const decoded = decodeText(truncated ? wholeCharacters(bytes) : bytes);
  if (decoded.binary) return { ok: false, reason: 'looks like a binary file, not a text draft' };
  return { ok: true, draft: { text: decoded.text, encoding: decoded.encoding ?? 'utf-8', note: decoded.note, truncated } };
}

/**
 * A cut-off read may end inside a character: drop the partial UTF-8 sequence or the odd
 * UTF-16 byte, so the cut is not mistaken for an invalid file (and read as Windows-1252).
 */
function wholeCharacters(bytes: Buffer): Buffer {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return bytes.subarray(0, bytes.length - (bytes.length % 2));
  let i = bytes.length - 1;
  // Back over continuation bytes (10xxxxxx) to the sequence's first byte, at most 3.
  while (i > 0 && bytes.length - i < 4 && (bytes[i] & 0xc0) === 0x80) i--;
  const lead = bytes[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - i < need ? bytes.subarray(0, i) : bytes;
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return (e as Error)?.message ?? String(e);
}
