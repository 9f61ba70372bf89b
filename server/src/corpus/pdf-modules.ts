// pdf.js on its own. The language server's bundle leaves this module out and loads it from a
// bundle of its own, dist/pdf-modules.js (scripts/bundle.mjs), the first time a PDF letter is
// read: pdf.js is most of the server's code, and only folders of the user's own PDF letters
// need it, so a server that never reads a PDF never compiles it, and the VS Code extension
// leaves it to a companion extension (pdf-reader-location.ts). Each is a function so read-letter.ts decides the
// order they are evaluated in (the worker first, handed to pdf.js through globalThis).

export const pdfWorker = () => import('pdfjs-dist/legacy/build/pdf.worker.mjs');
export const pdfJs = () => import('pdfjs-dist/legacy/build/pdf.mjs');
