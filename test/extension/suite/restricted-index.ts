// The Restricted Mode pass's entry point (see ../run-code-server.mjs): its one test file, in a
// window whose workspace VS Code does not trust.
import { RESTRICTED_FILES, runFiles } from './index';

export const run = (): Promise<void> => runFiles(RESTRICTED_FILES);
