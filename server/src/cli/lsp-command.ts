import { optionHelp, parseOptions, type OptionSpec } from './options';
import { UsageError, type Io } from './io';

// `mtus-lint lsp`: the language server for any editor. The editor says how it talks to the
// server; without that the server would start on nothing and exit, so it is a usage error.

const LSP_OPTIONS: readonly OptionSpec[] = [
  { name: 'stdio', type: 'boolean', help: 'talk over standard input and output (what most editors use)' },
  { name: 'node-ipc', type: 'boolean', help: "talk over Node's IPC channel (when started by a Node program)" },
  { name: 'socket', type: 'string', arg: 'PORT', help: 'connect to the editor on this port of 127.0.0.1' },
  { name: 'pipe', type: 'string', arg: 'NAME', help: 'connect to the editor on this named pipe' },
  { name: 'clientProcessId', type: 'string', arg: 'PID', help: "exit when the editor's process ends" },
  { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
];

export const LSP_USAGE = `Usage: mtus-lint lsp --stdio

Starts the mtus-lint language server for an editor that speaks the Language Server Protocol
(Neovim, Helix, Emacs, ...); README.md shows each editor's configuration.

Options:
${optionHelp(LSP_OPTIONS)}`;

/** Validate the options; returns the exit status, or undefined once the server is started. */
export function lspCommand(args: string[], io: Io): number | undefined {
  const { values, positionals } = parseOptions('lsp', args, LSP_OPTIONS);
  if (values.help) {
    io.out(`${LSP_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'lsp');
  const transports = ['stdio', 'node-ipc', 'socket', 'pipe'].filter((t) => values[t] !== undefined && values[t] !== false);
  if (transports.length === 0) throw new UsageError('say how the editor talks to the server, usually --stdio', 'lsp');
  if (transports.length > 1) throw new UsageError(`choose one of --${transports.join(', --')}`, 'lsp');
  if (values.socket !== undefined && !/^\d{1,5}$/.test(String(values.socket)))
    throw new UsageError(`--socket needs a port number, not "${values.socket}"`, 'lsp');
  // The server reads its transport from process.argv itself (vscode-languageserver).
  require('../server');
  return undefined;
}
