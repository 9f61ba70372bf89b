import { setFlagsFromString } from 'node:v8';

// Why the server tunes V8's tier-up: a keystroke runs hundreds of small functions (rules,
// judgements, memo look-ups) once each. V8 optimises a function after it has run a budget of
// bytecode (--interrupt-budget, 66 KB a tick, several ticks), so code run once per keystroke
// stayed in the interpreter for about 2,000 keystrokes: the same edit took 1.7 ms at first and
// under 1 ms only after minutes of typing (issue 15). A smaller budget optimises that code after
// a few hundred keystrokes instead; the price is some compiling early on, on V8's own threads.
// Only the language server does this (imported first by server.ts); the CLI and tests keep V8's defaults.
export const INTERRUPT_BUDGET = 8192;

setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
