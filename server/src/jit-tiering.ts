import { setFlagsFromString } from 'node:v8';

// Why the server tunes V8's tier-up for the analysis of an edit. A keystroke runs hundreds of
// small functions (rules, judgements, memo look-ups) once each. V8 optimises a function after
// it has run a budget of bytecode (--interrupt-budget, 66 KB a tick, several ticks), so code
// run once per keystroke stayed unoptimised for about 2,000 keystrokes: on the 5 KB draft an
// edit took 1.7 ms at first and under 1 ms only after minutes of typing (issue 15). Run with a
// small budget, that code is optimised after a few hundred keystrokes. Only the analysis of an
// edit gets it: a document's first check runs long loops that V8 optimises well by itself, and
// there the small budget optimised code before its type feedback settled (slower, not faster).
// Node's server only (server.ts); the web server, the CLI and the tests keep V8's defaults.

/** The budget while an edit is analysed: optimised after hundreds of keystrokes, not thousands. */
export const EDIT_BUDGET = 2048;
/** V8's own default (Node 20 and VS Code's Electron alike), restored after each such analysis. */
export const DEFAULT_BUDGET = 67584;

/** Run the analysis of an edit with V8's small tier-up budget (about 5 µs for the two flag changes). */
export function withEditTiering<T>(analyse: () => T): T {
  setFlagsFromString(`--interrupt-budget=${EDIT_BUDGET}`);
  try {
    return analyse();
  } finally {
    setFlagsFromString(`--interrupt-budget=${DEFAULT_BUDGET}`);
  }
}
