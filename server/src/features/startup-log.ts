import type { CorpusIndex } from '../corpus/types';
import { editionLabel } from '../engine';
import type { Knowledge } from '../knowledge/knowledge';
import type { Settings } from '../settings';

// One line in the editor's output channel when the server starts: what it runs on and with,
// so a support request can start from it. Never document text.

export interface StartupFacts {
  kb?: Knowledge;
  kbError?: string;
  corpus?: CorpusIndex;
  settings: Settings;
  pull: boolean;
  trusted: boolean;
  fileSystem: boolean;
}

export function startupMessage(f: StartupFacts): string {
  const runtime = typeof process !== 'undefined' && process.versions?.node ? `node ${process.versions.node}` : 'a web worker';
  const kb = f.kb
    ? `knowledge base ${f.kb.version} (${f.kb.data.citations.length} citations; editions ${f.kb.editions.join(', ')})`
    : `knowledge base not loaded: ${f.kbError ?? 'unknown error'}`;
  const edition =
    f.settings.edition === 'auto'
      ? `edition: each document's own, else ${f.kb ? editionLabel(f.kb, f.kb.defaultEdition) : 'the default'}`
      : `edition: ${f.kb ? editionLabel(f.kb, f.settings.edition) : f.settings.edition} (setting)`;
  return [
    `mtus-lint server started on ${runtime}`,
    kb,
    `corpus of ${f.corpus?.letters ?? 0} IMR decisions`,
    edition,
    `diagnostics ${f.pull ? 'pulled by the editor' : 'pushed'}`,
    f.trusted ? 'workspace trusted' : 'Restricted Mode',
    ...(f.fileSystem ? [] : ['no file system (browser): folders of letters and knowledge files are not available']),
  ].join('; ');
}
