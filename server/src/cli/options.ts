import { parseArgs } from 'node:util';
import { UsageError } from './io';

// A command's options as data: node's util.parseArgs reads them, and the same table prints
// the command's --help, so the two cannot drift. A new option is one entry here and one
// field where the command reads it.

export interface OptionSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The value's placeholder in --help ("FILE", "N"). */
  arg?: string;
  help: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** Parse `args` against `specs`; every mistake becomes one UsageError line naming the option. */
export function parseOptions(command: string, args: string[], specs: readonly OptionSpec[]): { values: OptionValues; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const s of specs) options[s.name] = { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) };
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e as NodeJS.ErrnoException, specs), command);
  }
}

function describeParseError(e: NodeJS.ErrnoException, specs: readonly OptionSpec[]): string {
  // parseArgs names the option as "'--bogus'" or "'-f, --format <value>'".
  const long = /--([A-Za-z][\w-]*)/.exec(e.message)?.[1];
  const short = /'-([A-Za-z])\b/.exec(e.message)?.[1];
  const spec = specs.find((s) => (long !== undefined && s.name === long) || (long === undefined && short !== undefined && s.short === short));
  const named = long !== undefined ? `--${long}` : short !== undefined ? `-${short}` : undefined;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${named ?? e.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (spec?.type === 'boolean') return `--${spec.name} takes no value`;
      return `--${spec?.name ?? named} needs a value${spec?.arg ? ` (${spec.arg})` : ''}`;
    default:
      return e.message.split('\n')[0];
  }
}

/** The options part of a command's --help, from the same table. */
export function optionHelp(specs: readonly OptionSpec[]): string {
  const left = (s: OptionSpec) => `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.arg ? ` ${s.arg}` : ''}`;
  const width = Math.max(...specs.map((s) => left(s).length)) + 2;
  return specs.map((s) => `  ${left(s).padEnd(width)}${s.help}`).join('\n');
}

export const str = (v: OptionValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);
export const list = (v: OptionValues[string]): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);
