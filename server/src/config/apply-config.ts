import type { Settings } from '../settings';
import type { TeamConfig } from './team-config';

/**
 * Settings with a team configuration laid over them: what the file says wins over the
 * editor's settings (so every editor, the CLI and CI agree), rule by rule for `rules`; what
 * it leaves out keeps the editor's value. The command line's own options are applied after.
 */
export function applyTeamConfig(settings: Settings, config: TeamConfig | undefined): Settings {
  if (!config) return settings;
  const out: Settings = { ...settings };
  if (config.rules) out.rules = { ...settings.rules, ...config.rules };
  if (config.edition !== undefined) out.edition = config.edition;
  if (config.markdown) out.markdown = { ...config.markdown };
  if (config.plaintext) out.plaintext = { ...config.plaintext };
  return out;
}
