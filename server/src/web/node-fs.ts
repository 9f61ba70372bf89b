import { BUILT_IN_FILES } from './files';

// node:fs for the web worker (the browser build maps the module here): the knowledge base and
// corpus index built into the bundle can be read; anything else fails with a message that says
// why, which the features that need files (folders of letters, a knowledge file, a team
// configuration) turn into "not available in the browser".

const NO_FILES = 'there is no file system in the browser (VS Code for the Web)';

function unavailable(what: string): Error {
  const e = new Error(`${what}: ${NO_FILES}`) as Error & { code: string };
  e.code = 'ENOENT';
  return e;
}

export function existsSync(p: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_FILES, p);
}

export function readFileSync(p: string): string {
  if (!existsSync(p)) throw unavailable(`cannot read ${p}`);
  return BUILT_IN_FILES[p];
}

export function statSync(p: string): { isFile(): boolean; isDirectory(): boolean; size: number; mtimeMs: number } {
  if (!existsSync(p)) throw unavailable(`cannot look at ${p}`);
  return { isFile: () => true, isDirectory: () => false, size: readFileSync(p).length, mtimeMs: 0 };
}

const refuse =
  (what: string) =>
  (...args: unknown[]): never => {
    throw unavailable(`${what} ${String(args[0] ?? '')}`.trim());
  };

export const readdirSync = refuse('cannot list');
export const watch = refuse('cannot watch');
export const mkdirSync = refuse('cannot create');
export const writeFileSync = refuse('cannot write');
export const renameSync = refuse('cannot rename');
export const openSync = refuse('cannot open');
// Reached only after openSync, which refuses first; present so the bundle's reads resolve.
export const fstatSync = refuse('cannot look at');
export const readSync = refuse('cannot read');
export const closeSync = refuse('cannot close');
export const promises = { readFile: (p: string) => Promise.reject(unavailable(`cannot read ${p}`)) };
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
export default {
  existsSync,
  readFileSync,
  statSync,
  readdirSync,
  watch,
  mkdirSync,
  writeFileSync,
  renameSync,
  openSync,
  fstatSync,
  readSync,
  closeSync,
  promises,
  constants,
};
