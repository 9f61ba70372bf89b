import * as fs from 'node:fs';
import * as path from 'node:path';
import { processIo, UsageError, type Io } from './io';

// The command line's front door: which command, its --help, and the exit status. Each
// command is one entry in COMMANDS (its one-line summary, its help, and what runs it).
// A command's modules are loaded only when it runs or its help is asked for: `check` need not
// load the corpus miner, nor `--version` the engine (a third of a second of every start).

/* eslint-disable @typescript-eslint/no-require-imports -- loaded when needed, see above */
const load = {
  check: () => require('./check') as typeof import('./check'),
  checkOptions: () => require('./check-options') as typeof import('./check-options'),
  lsp: () => require('./lsp-command') as typeof import('./lsp-command'),
  formulary: () => require('../formulary/cli-formulary') as typeof import('../formulary/cli-formulary'),
  corpus: () => require('../corpus/cli-corpus') as typeof import('../corpus/cli-corpus'),
  knowledge: () => require('../knowledge/load') as typeof import('../knowledge/load'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface Command {
  summary: string;
  usage(): string;
  /** Resolves to the exit status; undefined when the command keeps running (the server). */
  run(args: string[], io: Io, version: string): number | undefined | Promise<number | undefined>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    summary: 'check treatment requests and IMR appeal letters against the MTUS',
    usage: () => load.checkOptions().CHECK_USAGE,
    run: (args, io, version) => load.check().checkCommand(args, io, version),
  },
  lsp: {
    summary: 'start the language server for an editor (mtus-lint lsp --stdio)',
    usage: () => load.lsp().LSP_USAGE,
    run: (args, io) => load.lsp().lspCommand(args, io),
  },
  formulary: {
    summary: 'import the MTUS Drug List, or list the imported versions (formulary import FILE | list)',
    usage: () => `Usage:\n${load.formulary().FORMULARY_USAGE}`,
    run: async (args, io) => {
      const { formularyCommand, FormularyUsageError } = load.formulary();
      try {
        return await formularyCommand(args, io);
      } catch (e) {
        if (e instanceof FormularyUsageError) throw new UsageError(e.message, 'formulary');
        throw e;
      }
    },
  },
  corpus: {
    summary: 'build or measure the index of IMR decisions (corpus build | gaps | measure)',
    usage: () => `Usage:\n${load.corpus().CORPUS_USAGE}`,
    run: (args, io) => {
      const { corpusCommand, CorpusUsageError } = load.corpus();
      try {
        return corpusCommand(args, { ...io, errIsTty: io.errIsTty })();
      } catch (e) {
        if (e instanceof CorpusUsageError) throw new UsageError(e.message, 'corpus');
        throw e;
      }
    },
  },
};

const OVERVIEW = () => `Usage: mtus-lint COMMAND [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)}${c.summary}`)
  .join('\n')}

  mtus-lint COMMAND --help   the command's options
  mtus-lint --version        the version`;

/** Run the CLI; resolves to the exit status (undefined while the language server runs). */
export async function main(argv: string[], io: Io = processIo()): Promise<number | undefined> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      io.err(`${OVERVIEW()}\n`);
      return 2;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = rest[0] && COMMANDS[rest[0]];
      io.out(`${topic ? topic.usage() : OVERVIEW()}\n`);
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${readVersion()}\n`);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`);
    // Every command answers --help the same way, even one whose own parsing would not.
    if (name !== 'check' && name !== 'lsp' && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(`${command.usage()}\n`);
      return 0;
    }
    return await command.run(rest, io, readVersion());
  } catch (e) {
    if (e instanceof UsageError) {
      const help = e.command ? `mtus-lint ${e.command} --help` : 'mtus-lint --help';
      io.err(`mtus-lint${e.command ? ` ${e.command}` : ''}: ${e.message} (see "${help}")\n`);
      return 2;
    }
    // Loaded already when it is what was thrown.
    if (e instanceof load.knowledge().KnowledgeError) {
      io.err(`mtus-lint: ${e.message}\n`);
      return 2;
    }
    // A bug: say so plainly, with the stack for a report, and exit 2 rather than crash.
    io.err(`mtus-lint: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

function readVersion(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    if (!fs.existsSync(p)) continue;
    try {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mtus-lint') return pkg.version ?? 'unknown';
    } catch {
      /* not ours */
    }
  }
  return 'unknown';
}
