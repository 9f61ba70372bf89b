// node:os, node:url, node:crypto and pdf.js for the web worker: what the server imports but does
// not need there (the browser build maps these modules here).

export const homedir = () => '/';
export const tmpdir = () => '/tmp';
export const platform = () => 'browser';

export function fileURLToPath(url: string | URL): string {
  const u = new URL(String(url));
  if (u.protocol !== 'file:') throw new TypeError(`not a file URL: ${u.protocol}`);
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(p: string): URL {
  return new URL(`file://${p.split('/').map(encodeURIComponent).join('/')}`);
}

export function createHash(): never {
  throw new Error('hashing files is not available in the browser');
}

/** pdf.js: reading PDF letters needs files, and so is unavailable in the browser. */
export function getDocument(): never {
  throw new Error('reading PDF letters is not available in the browser');
}

export default { homedir, tmpdir, platform, fileURLToPath, pathToFileURL, createHash, getDocument };
