// Output of the suite. Under code-server the extension host's console reaches the runner only
// through the browser's console, mixed with the workbench's own messages: the runner sets
// MTUS_LINT_TEST_LINE_PREFIX in code-server's environment (inherited by the extension host)
// and keeps exactly the lines that carry it. Elsewhere (@vscode/test-electron) lines are plain.
import { format } from 'node:util';

const prefix = process.env.MTUS_LINT_TEST_LINE_PREFIX ?? '';

/** console.log with printf-style arguments formatted here, each line marked for the runner. */
export function print(...args: unknown[]): void {
  const text = format(...args);
  console.log(
    prefix
      ? text
          .split('\n')
          .map((line) => prefix + line)
          .join('\n')
      : text,
  );
}
