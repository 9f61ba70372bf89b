// The engine's vocabulary. Everything here is plain data over string offsets:
// no editor or protocol types, so the CLI, the server and the tests share it.
// Each file below imports only its neighbours here (and the document structure's types), never
// a module that does the work, so the types make no cycle with the code that uses them.
export type * from './text';
export type * from './items';
export type * from './medications';
export type * from './analysis';
export type * from './corpus';
