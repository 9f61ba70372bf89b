import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
// Types only: the entries and their citation text come from the server.
import { EDITION_REASON_WORDS, GUIDELINES_REQUEST, type GuidelineEntry, type GuidelinesParams, type GuidelinesResult } from '../../server/src/protocol';

// "mtus-lint: Browse the MTUS Guidelines": a searchable list of the knowledge base's citation
// entries, grouped by guideline, each with its quotation; choosing one writes its citation at
// the cursor, in the form of the edition the document is judged by.

/** What the browser shows and did last (for the extension-host tests). */
export interface GuidelineBrowserState {
  /** True while the list is open. */
  open: boolean;
  /** The entries listed, by citation id, in order. */
  entries: string[];
  /** The edition whose Chronic Pain entries are listed ("all" for both). */
  edition?: string;
  /** The entry highlighted in the list, as the editor reports it. */
  active?: string;
  /** The last citation written into a document. */
  inserted?: { id: string; text: string; uri: string; offset: number };
}

/** Arguments of the command (all optional). */
export interface BrowseOptions {
  /** Start with this text in the search box. */
  search?: string;
  /** Highlight the entry with this citation id. */
  highlight?: string;
  /** List this edition ("2009", "2016" or "all") instead of the document's. */
  edition?: string;
}

interface EntryItem extends vscode.QuickPickItem {
  entry?: GuidelineEntry;
}

const READ_QUOTE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('book'), tooltip: 'Read the whole quotation' };
const BOTH_EDITIONS: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('versions'),
  tooltip: 'Also list the other edition of the Chronic Pain guideline',
};
const ONE_EDITION: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: 'List only the edition this document is judged by' };

function itemsOf(result: GuidelinesResult): EntryItem[] {
  const items: EntryItem[] = [];
  let group: string | undefined;
  for (const e of result.entries) {
    const heading = e.guidelineTitle === 'Chronic Pain Medical Treatment Guidelines' ? `${e.guidelineTitle} (${e.edition})` : e.guidelineTitle;
    if (heading !== group) {
      items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator });
      group = heading;
    }
    // The treatments it governs, for searching by treatment, unless the topic already names them.
    const extra = e.treatments.filter((t) => !e.topic.toLowerCase().includes(t.toLowerCase()));
    const treatments = extra.length ? ` · ${extra.join(', ')}` : '';
    items.push({ label: e.topic, description: `${e.label}${treatments}`, detail: e.quote, buttons: [READ_QUOTE], entry: e });
  }
  return items;
}

/**
 * `client` gives the language client (made the first time it is asked for); `ready` starts the
 * server if no checked document has started it yet.
 */
export function registerGuidelineBrowser(
  client: () => BaseLanguageClient,
  ready: () => Promise<void>,
): {
  disposables: vscode.Disposable[];
  state(): GuidelineBrowserState;
  onDidChange: vscode.Event<GuidelineBrowserState>;
} {
  let state: GuidelineBrowserState = { open: false, entries: [] };
  const changed = new vscode.EventEmitter<GuidelineBrowserState>();
  const update = (patch: Partial<GuidelineBrowserState>) => {
    state = { ...state, ...patch };
    changed.fire(state);
  };

  /** Writes the citation over each selection of the editor the browser was opened from. */
  const insert = async (entry: GuidelineEntry, editor: vscode.TextEditor | undefined) => {
    if (!editor || editor.document.isClosed) {
      await vscode.env.clipboard.writeText(entry.insertText);
      void vscode.window.showInformationMessage(`Copied to the clipboard (no document was open): ${entry.insertText}`);
      return;
    }
    const offset = editor.document.offsetAt(editor.selection.start);
    const ok = await editor.edit((b) => {
      for (const s of editor.selections) b.replace(s, entry.insertText);
    });
    if (!ok) {
      void vscode.window.showWarningMessage('mtus-lint could not insert the citation: the document changed or is read-only.');
      return;
    }
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    update({ inserted: { id: entry.id, text: entry.insertText, uri: editor.document.uri.toString(), offset } });
  };

  /** The quotation in full, with its source; the writer may insert the citation from there. */
  const readQuote = async (entry: GuidelineEntry, editor: vscode.TextEditor | undefined, reopen: () => Promise<void>) => {
    const choice = await vscode.window.showInformationMessage(
      `${entry.topic} (${entry.label})`,
      { modal: true, detail: `“${entry.quote}”\n\nSource: ${entry.quoteSource}\n\nCitation: ${entry.insertText}` },
      'Insert the citation',
      'Back to the list',
    );
    if (choice === 'Insert the citation') await insert(entry, editor);
    else if (choice === 'Back to the list') await reopen();
  };

  const browse = async (options: BrowseOptions = {}): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri.toString();
    await ready();
    const fetch = (edition?: string) => client().sendRequest<GuidelinesResult>(GUIDELINES_REQUEST, { uri, edition } satisfies GuidelinesParams);
    let result = await fetch(options.edition);
    if (!result.entries.length) {
      void vscode.window.showWarningMessage('mtus-lint has no guidelines to list: its knowledge base did not load (see the mtus-lint output).');
      return;
    }
    const qp = vscode.window.createQuickPick<EntryItem>();
    const show = (r: GuidelinesResult) => {
      qp.title =
        r.edition === 'all'
          ? 'MTUS guidelines: both editions of the Chronic Pain guideline'
          : `MTUS guidelines as cited in ${r.editionLabel} (${EDITION_REASON_WORDS[r.editionReason]})`;
      qp.items = itemsOf(r);
      qp.buttons = [r.edition === 'all' ? ONE_EDITION : BOTH_EDITIONS];
      update({ open: true, entries: r.entries.map((e) => e.id), edition: r.edition, active: undefined });
    };
    qp.placeholder = editor
      ? 'Search by treatment, topic or citation; Enter writes the citation at the cursor'
      : 'Search by treatment, topic or citation; Enter copies the citation';
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    if (options.search) qp.value = options.search;
    show(result);

    // What the writer chose, acted on once the list has closed.
    type Outcome = { insert: GuidelineEntry } | { read: GuidelineEntry } | undefined;
    let outcome: Outcome;
    const closed = new Promise<void>((resolve) => {
      const subs: vscode.Disposable[] = [];
      subs.push(
        qp.onDidChangeActive((items) => update({ active: items[0]?.entry?.id })),
        qp.onDidTriggerButton(async (b) => {
          qp.busy = true;
          try {
            // Both editions, or back to the one the document is judged by (or was asked for).
            result = await fetch(b === BOTH_EDITIONS ? 'all' : options.edition === 'all' ? undefined : options.edition);
            show(result);
          } finally {
            qp.busy = false;
          }
        }),
        qp.onDidTriggerItemButton(({ item }) => {
          if (!item.entry) return;
          outcome = { read: item.entry };
          qp.hide();
        }),
        qp.onDidAccept(() => {
          const entry = (qp.selectedItems[0] ?? qp.activeItems[0])?.entry;
          if (!entry) return;
          outcome = { insert: entry };
          qp.hide();
        }),
        qp.onDidHide(() => {
          for (const s of subs) s.dispose();
          qp.dispose();
          update({ open: false, active: undefined });
          resolve();
        }),
      );
    });
    qp.show();
    if (options.highlight) {
      const item = qp.items.find((i) => i.entry?.id === options.highlight);
      if (item) qp.activeItems = [item];
    }
    await closed;
    const chosen = outcome as Outcome;
    if (chosen && 'insert' in chosen) await insert(chosen.insert, editor);
    else if (chosen) await readQuote(chosen.read, editor, () => browse({ ...options, highlight: chosen.read.id }));
  };

  return {
    disposables: [changed, vscode.commands.registerCommand('mtusLint.browseGuidelines', (options?: BrowseOptions) => browse(options ?? {}))],
    state: () => state,
    onDidChange: changed.event,
  };
}
