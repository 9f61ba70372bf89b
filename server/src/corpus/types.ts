// The corpus index's types are the engine's (engine/types/corpus.ts): the rules and the hover
// read the index, and the engine imports nothing of the corpus reader that builds it.
export type * from '../engine/types/corpus';
