import { setFlagsFromString } from 'node:v8';

// Two settings of V8 for the language server's own process. First, V8's tier-up. A keystroke
// runs hundreds of small functions (the server's message handling, rules, judgements, memo
// look-ups) once each. V8 optimises a function after it has run a budget of bytecode
// (--interrupt-budget, 66 KB a tick, several ticks), so code run once per keystroke stayed
// unoptimised for about 2,000 keystrokes: on the 5 KB draft an edit took 1.5 ms at first and
// about 1 ms only after minutes of typing (issue 15). With a small budget that code is optimised
// after a few hundred keystrokes. A document's first check is the exception: it runs long loops,
// which V8 optimises well by itself, and under the small budget its code was optimised before
// its type feedback settled (a cold 1 MB check took half as long again), so it runs with V8's
// default budget.
// Node's server only: server.ts imports this first. The web server and the CLI keep V8's defaults
// (a test that imports this module sets them in its own process).

/** The budget the server runs with: optimised after hundreds of keystrokes, not thousands. */
export const EDIT_BUDGET = 2048;
/** V8's own default (Node 20 and VS Code's Electron alike), for a document's first check. */
export const DEFAULT_BUDGET = 67584;

setFlagsFromString(`--interrupt-budget=${EDIT_BUDGET}`);

// Second, V8's allocation-site pretenuring, which the server turns off. A long document's check
// keeps most of what it makes (readings, items, findings), so V8 learns to allocate those objects
// straight into the old generation, and goes on doing so after the document is closed: a short draft
// typed in next then put what each keystroke throws away into the old generation (about 1 MB per
// young collection, where the draft alone puts 0.05 MB), each young collection took 3 to 4 ms
// instead of 0.7, and the 5 KB keystroke took a tenth longer for as long as the server ran
// (issue 15). Without it a long document's first check is no slower (141 to 149 ms against 147
// to 148 in `npm run bench`).
setFlagsFromString('--no-allocation-site-pretenuring');

/** Run a document's first check with V8's default tier-up budget (about 5 µs for the two flag changes). */
export function withDefaultTiering<T>(analyse: () => T): T {
  setFlagsFromString(`--interrupt-budget=${DEFAULT_BUDGET}`);
  try {
    return analyse();
  } finally {
    setFlagsFromString(`--interrupt-budget=${EDIT_BUDGET}`);
  }
}
