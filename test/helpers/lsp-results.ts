// Reading what the server answered, as a user would see it.
import type { CodeAction, Command, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';

/** Only the mtus-lint diagnostics, in document order. */
export const ours = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.source === 'mtus-lint');

/** The text edits of a code action's workspace edit for one document, with the version they target. */
export function editsOf(action: CodeAction | Command, uri: string): { version: number | null; edits: TextEdit[] } {
  if (!('edit' in action) || !action.edit) throw new Error(`code action ${JSON.stringify(action.title)} has no edit`);
  const changes = action.edit.documentChanges ?? [];
  const forDoc = changes.filter(
    (c): c is { textDocument: { uri: string; version: number | null }; edits: TextEdit[] } => 'textDocument' in c && c.textDocument.uri === uri,
  );
  if (forDoc.length !== 1) throw new Error(`expected one documentChanges entry for ${uri}, got ${JSON.stringify(action.edit)}`);
  return { version: forDoc[0].textDocument.version, edits: forDoc[0].edits as TextEdit[] };
}

/** A diagnostic's message as the user reads it (LSP 3.18 allows markup; mtus-lint sends text). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
