import * as fs from 'node:fs';
import * as path from 'node:path';

// Where pdf.js (the bundle pdf-modules.ts becomes, with its loader) is loaded from. The npm
// package, the command line, a development build and the tests have it beside the server. The
// VS Code extension ships without it, to stay under 1 MB (issue 15): its companion extension,
// "mtus-lint PDF reader", holds it, and the editor passes its path when it is installed. With
// neither, PDF letters are not read, and the folders of letters say how many were not
// (corpus-folders.ts), so none is dropped unsaid.

let given: string | undefined;

/** The pdf.js module the editor found (the companion's dist/pdf-modules.js); undefined: none given. */
export function usePdfModules(file: string | undefined): void {
  given = file || undefined;
}

/** The pdf.js module to load: the one the editor gave, else the one beside the server, else none. */
export function pdfModulesFile(): string | undefined {
  if (given && fs.existsSync(given)) return given;
  // In the bundle this is dist/pdf-modules.js; compiled by tsc, out/server/src/corpus/pdf-modules.js.
  const beside = path.join(__dirname, 'pdf-modules.js');
  return fs.existsSync(beside) ? beside : undefined;
}

/** Whether a PDF letter can be read here at all. */
export const canReadPdf = (): boolean => pdfModulesFile() !== undefined;
