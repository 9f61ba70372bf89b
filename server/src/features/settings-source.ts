import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { RULES } from '../engine';
import { ServerTeamConfig } from '../config/server-config';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import type { ServerLog } from './server-log';
import type { ServerState } from './server-state';

// The settings a document is checked with: the editor's (asked per document when the editor can
// be asked, else what it sent), validated, with the team's .mtuslintrc.json nearest the
// document laid over them. A wrong value is said once and its default used.

export class SettingsSource {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** The settings of an editor that cannot be asked (sent at initialize or with each change). */
  private global: Settings = DEFAULT_SETTINGS;
  readonly teamConfig: ServerTeamConfig;

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
    private readonly log: ServerLog,
  ) {
    this.teamConfig = new ServerTeamConfig({
      knownRules: () => RULES.map((r) => r.id),
      knownEditions: () => state.knowledge().editions,
      workspaceRoot: () => state.workspaceRoot,
      warn: log.warnOnce,
      info: log.info,
    });
  }

  /** Initialize: the settings the editor sent, if any. */
  initialize(): void {
    if (this.state.initialSettings !== undefined) this.global = this.read(this.state.initialSettings);
  }

  /** Valid settings from what the editor sent; each problem said once. */
  read(raw: unknown): Settings {
    let editions: string[] | undefined;
    try {
      editions = this.state.knowledge().editions;
    } catch {
      editions = undefined; // the knowledge base failed to load; that is reported on its own
    }
    const { settings, problems } = readSettings(
      raw,
      RULES.map((r) => r.id),
      editions,
    );
    problems.forEach(this.log.warnOnce);
    return settings;
  }

  /** The settings `uri` is checked with: the editor's, then the team configuration's. */
  for = (uri: string): Promise<Settings> => this.editorFor(uri).then((s) => this.teamConfig.apply(uri, s));

  private editorFor(uri: string): Promise<Settings> {
    if (!this.state.canPullConfig) return Promise.resolve(this.global);
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'mtusLint' })
        .then((raw) => this.read(raw))
        .catch(() => DEFAULT_SETTINGS);
      this.byUri.set(uri, p);
    }
    return p;
  }

  /** The workspace's own settings (for what is not per document: corpus folders, knowledge file). */
  async workspace(): Promise<Settings> {
    if (!this.state.canPullConfig) return this.global;
    return this.read(await this.connection.workspace.getConfiguration({ section: 'mtusLint' }).catch(() => undefined));
  }

  /** The editor's settings changed; one that cannot be asked sends them with the change. */
  changed(sent: unknown): void {
    this.byUri.clear();
    if (this.state.canPullConfig) return;
    const raw = (sent as { mtusLint?: unknown } | undefined)?.mtusLint;
    if (raw !== undefined) this.global = this.read(raw);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** A path a setting names: relative ones from the workspace root, ~ from the home folder. */
  resolvePath(p: string): string {
    return path.isAbsolute(p) ? p : path.resolve(this.state.workspaceRoot ?? process.cwd(), p.replace(/^~(?=$|\/)/, os.homedir()));
  }
}
