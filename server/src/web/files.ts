// The files the server reads at start, in the web worker: the knowledge base and the corpus
// index, at the paths the Node server finds them beside its bundle (see node-fs.ts). They are
// the extension's own dist/knowledge and dist/corpus files, which the web client reads and hands
// to the worker before its code runs (client/src/browser.ts, as self.mtusLintFiles), so that the
// .vsix does not carry them a second time inside this bundle (issue 15: under 1 MB).

/** Where the web build says its bundle lives (__dirname in the browser build). */
export const WEB_ROOT = '/mtus-lint';

const given = (globalThis as { mtusLintFiles?: Record<string, string> }).mtusLintFiles ?? {};

/** Each file's text by its path; a file the client did not hand over is not there. */
export const BUILT_IN_FILES: Record<string, string> = Object.fromEntries(
  Object.entries(given)
    .filter(([, text]) => typeof text === 'string')
    .map(([name, text]) => [`${WEB_ROOT}/${name}`, text]),
);
