import type { Knowledge } from '../knowledge/knowledge';
import type { Settings } from '../settings';
import { looksBinary, type Analyzed } from './analysis-cache';
import type { FeatureContext } from './context';

/**
 * The last analysis each authoring feature saw, per document. Inlay hints and the outline ask
 * for the current version (one analysis per version, shared with the diagnostics); completion,
 * which the editor asks for at every keystroke, takes the latest one seen even if the text has
 * moved on since: it needs only document facts (edition, diagnoses, functional improvement)
 * and reads the line being typed from the live text.
 */
export class RecentAnalyses {
  private readonly byUri = new Map<string, { analyzed: Analyzed; settings: Settings; kb: Knowledge }>();

  constructor(private readonly ctx: FeatureContext) {
    ctx.documents.onDidClose((e) => this.byUri.delete(e.document.uri));
  }

  /** The analysis of the document's current version, or undefined when it is not checked. */
  async fresh(uri: string): Promise<Analyzed | undefined> {
    const settings = await this.ctx.settingsFor(uri);
    const analyzed = await this.ctx.current(uri);
    // Completion needs only the analysis's facts: keep neither the text nor its line starts, so
    // an old version of a long document is not held here after the editor has moved on.
    if (analyzed) this.byUri.set(uri, { analyzed: { ...analyzed, text: '', starts: [] }, settings, kb: this.ctx.knowledge() });
    else this.byUri.delete(uri);
    return analyzed;
  }

  /** The latest analysis seen while the settings and knowledge base stay the same, else a fresh one. */
  async latest(uri: string): Promise<Analyzed | undefined> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return undefined;
    const settings = await this.ctx.settingsFor(uri);
    const hit = this.byUri.get(uri);
    // A settings change hands out a new Settings object: the kind or edition may have changed.
    if (hit && hit.settings === settings && hit.kb === this.ctx.knowledge() && !looksBinary(doc.getText())) return hit.analyzed;
    return this.fresh(uri);
  }
}
