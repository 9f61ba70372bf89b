// The command line (bin/mtus-lint.js loads this module). Its parts are in cli/: main.ts
// dispatches the commands (loading each command's modules only when it runs), check.ts and
// its neighbours are `mtus-lint check`.
export { main } from './cli/main';
