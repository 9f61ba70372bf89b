import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

// Where each open document changed since it was last checked, in character offsets. Editors
// send a keystroke as a range and its new text; TextDocuments applies it and tells the server
// only "the content changed", so the ranges are kept here, on their way in, for the work after
// a check that can then redo only the stretch an edit touched (line starts, analysis-cache.ts).

/** One replacement that covers every edit since a version: `[start, oldEnd)` of that version's text became `[start, newEnd)` of today's. */
export interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

interface Pending {
  since: number;
  /** 'none': not edited since; 'unknown': the whole text was replaced. */
  edit: Edit | 'none' | 'unknown';
}

/** Two edits in a row as one: `b` is in the coordinates of the text after `a`. */
export function compose(a: Edit, b: Edit): Edit {
  const shift = a.newEnd - a.oldEnd; // where a's text after its edit stands in the older text
  const start = Math.min(a.start, b.start);
  const oldEnd = Math.max(a.oldEnd, b.oldEnd - shift);
  const end = Math.max(a.newEnd, b.oldEnd) + (b.newEnd - b.oldEnd);
  return { start, oldEnd, newEnd: end };
}

export class EditLog {
  private readonly pending = new Map<string, Pending>();

  /** The TextDocuments configuration: documents made and updated as usual, each edit noted. */
  readonly documents = {
    create: TextDocument.create,
    update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
      const p = this.pending.get(doc.uri);
      for (const change of changes) {
        // Each range is in the text as the changes before it left it: read it, then apply.
        if (p && p.edit !== 'unknown') {
          if ('range' in change) {
            const a = doc.offsetAt(change.range.start);
            const b = doc.offsetAt(change.range.end);
            const edit = { start: Math.min(a, b), oldEnd: Math.max(a, b), newEnd: Math.min(a, b) + change.text.length };
            p.edit = p.edit === 'none' ? edit : compose(p.edit, edit);
          } else p.edit = 'unknown';
        }
        TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  };

  /** From now on, edits to `uri` are counted from `version` (the version just checked). */
  mark(uri: string, version: number): void {
    this.pending.set(uri, { since: version, edit: 'none' });
  }

  /** The edit that turned version `since` of `uri` into today's text: 'none' when there was none, undefined when it is not known. */
  since(uri: string, since: number): Edit | 'none' | undefined {
    const p = this.pending.get(uri);
    return p && p.since === since && p.edit !== 'unknown' ? p.edit : undefined;
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}
