// What a command may touch of the outside world: its output streams, the environment, the
// working folder and standard input. main() gets the real ones; tests may pass their own.

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Whether standard output and error are terminals (colour, progress). */
  outIsTty: boolean;
  errIsTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input as a stream (read only when a command names "-"). */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; destroy?: () => void };
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    outIsTty: Boolean(process.stdout.isTTY),
    errIsTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
  };
}

/** A mistake in how the command was called: one line, then where to read more (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help explains it ("check", "lsp"), or undefined for the top level. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/**
 * Whether to colour output: --color and --no-color decide; else NO_COLOR (any value) turns it
 * off and FORCE_COLOR (other than 0) on, as most command-line tools agree
 * (no-color.org); else colour only on a terminal that is not "dumb".
 */
export function wantsColour(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return toTerminal && env.TERM !== 'dumb';
}
