import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../settings';
import { applyTeamConfig } from './apply-config';
import { TeamConfigFinder } from './find-config';
import { CONFIG_FILE_NAME, formatProblem } from './team-config';

// The language server's side of `.mtuslintrc.json`: each document gets the file nearest to
// it (an untitled one, the workspace folder's), laid over the editor's settings, so the editor
// reports what the CLI and CI report. A file with errors is not used, and the user is told
// where the error is; the output channel says which file applies, never what a draft says.

export interface TeamConfigHost {
  knownRules(): readonly string[];
  knownEditions(): readonly string[] | undefined;
  /** The first workspace folder, for documents that are not files yet. */
  workspaceRoot(): string | undefined;
  warn(message: string): void;
  info(message: string): void;
}

export class ServerTeamConfig {
  private readonly finder: TeamConfigFinder;
  private readonly announced = new Set<string>();

  constructor(private readonly host: TeamConfigHost) {
    this.finder = new TeamConfigFinder(
      () => host.knownRules(),
      () => host.knownEditions(),
    );
  }

  /** The settings for `uri` with its team configuration, if any, laid over them. */
  apply(uri: string, settings: Settings): Settings {
    const file = this.placeOf(uri);
    if (!file) return settings;
    let result;
    try {
      result = this.finder.forFile(file);
    } catch (e) {
      // No file system here (the browser) or an odd path: the editor's settings stand.
      return settings;
    }
    if (!result) return settings;
    if (!result.ok) {
      const first = result.problems[0];
      const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
      this.host.warn(`${formatProblem(first)}${more}. This ${CONFIG_FILE_NAME} is not used until it is fixed; your editor settings apply meanwhile.`);
      return settings;
    }
    if (!this.announced.has(result.file)) {
      this.announced.add(result.file);
      this.host.info(`using the team configuration ${result.file}`);
    }
    return applyTeamConfig(settings, result.config);
  }

  /** Whether a changed file is a configuration file (then every document is checked again). */
  static isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE_NAME}`) || uri.endsWith(`\\${CONFIG_FILE_NAME}`);
  }

  /** A configuration file was created, changed or deleted: find and read them again. */
  clear(): void {
    this.finder.clear();
    this.announced.clear();
  }

  private placeOf(uri: string): string | undefined {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        return undefined;
      }
    }
    const root = this.host.workspaceRoot();
    return root ? path.join(root, 'untitled') : undefined;
  }
}
