// pdfjs-dist ships no type declarations for its worker module; mtus-lint only hands the
// module to pdfjs (globalThis.pdfjsWorker) and never calls into it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
