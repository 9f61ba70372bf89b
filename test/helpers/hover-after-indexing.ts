// A folder of letters in mtusLint.corpus.paths is indexed in the background, and the server
// re-checks open documents when the index changes. Whether the folder was indexed before or
// after the document opened, some publication is followed by the new counts: the hover is read
// after each one, never after a sleep.
import type { MarkupContent } from 'vscode-languageserver-protocol';
import type { LspClient } from './lsp-client';

/**
 * The hover at `at` once it says `want` (or after `tries` re-checks, for the test to report what
 * it said instead). `open` opens the document; it is called after the wait for its first
 * publication starts, so that publication is not missed.
 */
export async function hoverAfterIndexing(
  client: LspClient,
  uri: string,
  want: string,
  open: () => Promise<void>,
  { at = { line: 1, character: 10 }, tries = 5 } = {},
): Promise<string> {
  let next = client.waitForDiagnostics(uri);
  await open();
  let md = '';
  for (let i = 0; i < tries && !md.includes(want); i++) {
    await next;
    next = client.waitForDiagnostics(uri, () => true, 'a re-check after the folder was indexed', 15_000);
    md = ((await client.hover(uri, at))?.contents as MarkupContent | undefined)?.value ?? '';
  }
  next.catch(() => {});
  return md;
}
