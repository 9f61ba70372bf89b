import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../engine';

// Each rule's page ships with mtus-lint (docs/rules/<id>.md): reports link to it where it is
// installed, so the link works offline and names no web site.

let root: string | null | undefined;

/** The folder holding docs/rules, found upward from this module (source tree or package). */
function packageRoot(): string | undefined {
  if (root === undefined) {
    root = null;
    for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'docs', 'rules'))) {
        root = dir;
        break;
      }
    }
  }
  return root ?? undefined;
}

/** The file: URL of a rule's page, or undefined when the pages are not installed. */
export function ruleDocUrl(id: string): string | undefined {
  const r = packageRoot();
  const file = r && path.join(r, ruleDocPath(id));
  return file && fs.existsSync(file) ? pathToFileURL(file).href : undefined;
}

/** A rule's page as Markdown (SARIF carries it as the rule's help), or undefined. */
export function ruleDocText(id: string): string | undefined {
  const r = packageRoot();
  try {
    return r ? fs.readFileSync(path.join(r, ruleDocPath(id)), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
