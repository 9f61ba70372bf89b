import { importDrugList, ImportError } from '../formulary/import';
import { loadDrugLists, summarize } from '../formulary/store';
import type { DrugList } from '../formulary/types';
import type { FeatureContext } from './context';
import { IMPORT_DRUG_LIST_REQUEST, type ImportDrugListParams, type ImportDrugListResult } from '../protocol';

// The MTUS Drug List in the server: the lists the user imported (per user, shared with the
// command line), and the import the editor's command asks for. After an import every open
// document is checked again, since drug statuses may change.

export class DrugLists {
  private lists: DrugList[] = [];

  constructor(private readonly warn: (m: string) => void) {
    this.reload();
  }

  all(): DrugList[] {
    return this.lists;
  }

  reload(): void {
    const { lists, problems } = loadDrugLists();
    problems.forEach(this.warn);
    this.lists = lists;
  }
}

export function registerDrugListImport(features: FeatureContext, lists: DrugLists, changed: () => void): void {
  features.connection.onRequest(
    IMPORT_DRUG_LIST_REQUEST,
    features.guard(
      'import the MTUS Drug List',
      { ok: false, message: 'the import failed; see the mtus-lint output' } as ImportDrugListResult,
      async (p: ImportDrugListParams): Promise<ImportDrugListResult> => {
        if (typeof p?.path !== 'string' || !p.path) return { ok: false, message: 'no file was named' };
        try {
          const { list, stored } = await importDrugList(p.path, features.knowledge(), { version: p.version, effective: p.effective });
          lists.reload();
          changed();
          // The summary names the list and its counts, never a drug or a document.
          features.connection.console.info(`imported ${summarize(list)}`);
          return { ok: true, summary: summarize(list), stored };
        } catch (e) {
          if (e instanceof ImportError) return { ok: false, message: e.message };
          throw e;
        }
      },
    ),
  );
}
