import * as vscode from 'vscode';

// The "mtus-lint" output channel: start-up (versions, knowledge base, edition) and problems,
// from the extension and from the server, never document text (the server sends none). The
// last lines are also kept in memory so the extension-host tests can read what a user would.

const WRITES = new Set(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error']);
const KEPT = 500;

export interface RecordedChannel {
  channel: vscode.LogOutputChannel;
  lines(): readonly string[];
}

export function createOutputChannel(): RecordedChannel {
  const real = vscode.window.createOutputChannel('mtus-lint', { log: true });
  const lines: string[] = [];
  const channel = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && WRITES.has(prop)) {
        return (...args: unknown[]) => {
          const text = typeof args[0] === 'string' ? args[0] : args[0] instanceof Error ? args[0].message : '';
          for (const line of text.split('\n')) if (line.trim()) lines.push(line);
          if (lines.length > KEPT) lines.splice(0, lines.length - KEPT);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { channel, lines: () => lines };
}
