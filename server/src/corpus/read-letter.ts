import * as path from 'node:path';
import { FileRefusedError, readRegularFile, readRegularFileSync } from '../bounded-read';
import { decodeText } from '../text-decoding';
import { pdfModulesFile } from './pdf-reader-location';

// The text of one IMR letter, from a .txt or a .pdf. PDFs are read with pdfjs-dist (pure
// JavaScript: no worker thread, no network, no native parts) and their text items are laid
// back into lines by position, so the text resembles what `pdftotext -layout` gives for the
// same letter: one line per printed line, a blank line between paragraphs, wide gaps kept as
// runs of spaces, and a form feed at each new page.

/** A letter that could not be read, with the reason in words. */
export class LetterReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterReadError';
  }
}

export const LETTER_EXTENSIONS = ['.txt', '.pdf'] as const;

/**
 * An IMR letter is a few pages: some tens of KB as text, a few MB as a PDF. A file far larger is
 * something else and is not read (nor held in memory) at all.
 */
export const MAX_LETTER_BYTES = 20 * 1024 * 1024;

export function isLetterFile(file: string): boolean {
  return (LETTER_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** Read a letter's text; throws LetterReadError saying why it could not be read. */
export async function readLetter(file: string): Promise<string> {
  return letterText(file, await readLetterBytes(file));
}

/** A letter file's bytes; throws LetterReadError saying why they could not be read. */
export async function readLetterBytes(file: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, MAX_LETTER_BYTES);
  } catch (e) {
    throw unreadable(e);
  }
}

/** readLetterBytes in this thread, waiting on the disk (for a thread with nothing else to do). */
export function readLetterBytesSync(file: string): Buffer {
  try {
    return readRegularFileSync(file, MAX_LETTER_BYTES);
  } catch (e) {
    throw unreadable(e);
  }
}

const unreadable = (e: unknown) => new LetterReadError(e instanceof FileRefusedError && e.message === 'does not exist' ? 'no such file' : (e as Error).message);

/**
 * readLetterBytes begun now, to be awaited later: a letter's file is read while the letter before
 * it is parsed. (Its failure is kept for whoever awaits it, not reported as unhandled meanwhile.)
 */
export function readAhead(file: string): Promise<Buffer> {
  const bytes = readLetterBytes(file);
  bytes.catch(() => {});
  return bytes;
}

/** A letter's text from its file's bytes; throws LetterReadError saying why it could not be read. */
export async function letterText(file: string, bytes: Buffer): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.pdf' || isPdf(bytes)) return pdfText(bytes);
  const decoded = decodeText(bytes);
  if (decoded.binary) throw new LetterReadError('binary data, not text');
  return decoded.text;
}

const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

// ---------------------------------------------------------------------------------------------
// pdfjs-dist, loaded once on first use (from a bundle of its own: pdf-modules.ts), from where
// pdf-reader-location.ts finds it
// ---------------------------------------------------------------------------------------------

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
let pdfjs: Promise<PdfJs> | undefined;

/**
 * Load pdfjs-dist. Its "fake worker" (parsing on this thread) is handed the worker module
 * directly through globalThis.pdfjsWorker, so pdfjs never looks for pdf.worker.mjs on disk: the
 * same code runs from node_modules (out/) and from the esbuild bundle (dist/server.js), which
 * holds both modules.
 *
 * pdfjs also tries, as it loads, to load its optional native canvas package (@napi-rs/canvas,
 * which npm installs beside it) for DOMMatrix, Path2D and ImageData. Those serve rendering
 * only, never text, so mtus-lint refuses that package while pdfjs loads (the bundle cannot
 * load it anyway) and lends pdfjs an inert DOMMatrix for the one it builds at load time. The
 * warnings pdfjs prints about all this are kept quiet.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const proc = process as unknown as { getBuiltinModule?: (name: string) => unknown };
    // Node before 20.16 (the Electron of VS Code before 1.95) lacks process.getBuiltinModule,
    // which pdfjs calls for Node's own modules.
    if (typeof proc.getBuiltinModule !== 'function') {
      proc.getBuiltinModule = (name: string) => {
        try {
          // Only Node's own modules, by the name pdf.js asks for.
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          return require(name.startsWith('node:') ? name : `node:${name}`);
        } catch {
          return undefined;
        }
      };
    }
    const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    const lentMatrix = g.DOMMatrix === undefined;
    if (lentMatrix) g.DOMMatrix = InertMatrix;
    const mod = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = mod._load;
    mod._load = function (this: unknown, request: string, ...rest: unknown[]) {
      if (request === '@napi-rs/canvas') throw new Error('not loaded by mtus-lint: pdfjs needs it only to render pages');
      return load.call(this, request, ...rest);
    };
    const { warn, log } = console;
    console.warn = () => {};
    console.log = () => {};
    try {
      // Required only now, from where pdf-reader-location.ts finds it (see pdf-modules.ts).
      const file = pdfModulesFile();
      if (!file) throw new Error('no PDF reader is installed (the mtus-lint PDF reader extension)');
      // By its path: beside the server, or in the companion extension (not a module name to bundle).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const modules = require(file) as typeof import('./pdf-modules');
      g.pdfjsWorker ??= await modules.pdfWorker();
      return await modules.pdfJs();
    } finally {
      console.warn = warn;
      console.log = log;
      mod._load = load;
      if (lentMatrix && g.DOMMatrix === InertMatrix) delete g.DOMMatrix;
    }
  })();
  pdfjs.catch(() => (pdfjs = undefined));
  return pdfjs;
}

/** Stands in for DOMMatrix while pdfjs loads: it builds one identity matrix for rendering. */
class InertMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

const MAX_PAGES = 200;

/** The text of a PDF, laid out in lines. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  if (!isPdf(bytes)) throw new LetterReadError('not a PDF (no "%PDF-" header)');
  let lib: PdfJs;
  try {
    lib = await loadPdfJs();
  } catch (e) {
    throw new LetterReadError(`the PDF reader (pdfjs-dist) could not be loaded: ${(e as Error).message}`);
  }
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = (e as Error).name;
      const why = name === 'PasswordException' ? 'the PDF is password-protected' : name === 'InvalidPDFException' ? 'not a valid PDF' : (e as Error).message;
      throw new LetterReadError(`the PDF could not be opened: ${why}`);
    }
    // IMR letters run to a few pages; a long PDF in a folder of letters is something else.
    if (doc.numPages > MAX_PAGES) throw new LetterReadError(`the PDF has ${doc.numPages} pages, more than an IMR letter (${MAX_PAGES} at most are read)`);
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.length === 0) continue;
        const [a, b, c, d, x, y] = it.transform as number[];
        // Rotated text (a stamp in the margin) is not part of the letter's lines.
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
        items.push({ str: it.str, x, y, w: it.width, size: Math.abs(d) || it.height || 10 });
      }
      pages.push(layoutPage(items));
      page.cleanup();
    }
    const text = pages.join('\n\f');
    if (!/[A-Za-z]{3}/.test(text)) throw new LetterReadError('the PDF holds no text (a scanned image? text recognition is not done)');
    return text;
  } finally {
    await task.destroy();
  }
}

/** Lines from positioned text items: top to bottom, left to right. */
function layoutPage(all: Item[]): string {
  if (all.length === 0) return '';
  const items = all.filter((i) => i.str.trim() !== '');
  if (items.length === 0) return '';
  items.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Item[][] = [];
  let line: Item[] = [];
  let lineY = items[0].y;
  for (const it of items) {
    if (line.length && Math.abs(it.y - lineY) > Math.max(2, 0.4 * it.size)) {
      lines.push(line);
      line = [];
    }
    if (line.length === 0) lineY = it.y;
    line.push(it);
  }
  if (line.length) lines.push(line);

  // Average character width and line pitch of the page, for spaces and blank lines.
  let chars = 0;
  let width = 0;
  for (const it of items) {
    chars += it.str.length;
    width += it.w;
  }
  const charW = chars > 0 && width > 0 ? width / chars : 5;
  const ys = lines.map((l) => l[0].y);
  const steps = ys
    .slice(1)
    .map((y, i) => ys[i] - y)
    .filter((d) => d > 0)
    .sort((p, q) => p - q);
  const pitch = steps.length ? steps[Math.floor(steps.length / 4)] : 14;
  const left = Math.min(...items.map((i) => i.x));

  const out: string[] = [];
  lines.forEach((l, n) => {
    if (n > 0) {
      const gap = ys[n - 1] - ys[n];
      const blanks = Math.min(3, Math.max(0, Math.round(gap / pitch) - 1));
      for (let k = 0; k < blanks; k++) out.push('');
    }
    l.sort((p, q) => p.x - q.x);
    let s = ' '.repeat(Math.max(0, Math.min(60, Math.round((l[0].x - left) / charW))));
    let end = l[0].x;
    for (const it of l) {
      const gap = it.x - end;
      if (gap > 1.5 * charW) s += ' '.repeat(Math.max(2, Math.round(gap / charW)));
      else if (gap > 0.2 * charW && !/\s$/.test(s) && !/^\s/.test(it.str)) s += ' ';
      s += it.str;
      end = Math.max(end, it.x + it.w);
    }
    out.push(s.trimEnd());
  });
  return out.join('\n');
}
