import * as path from 'node:path';
import { draftsDir } from './drafts-expected';
import { figuresLine, scoreDrafts } from './score-drafts';

// `npm run measure` (after the corpus figures): the development drafts' recall and false alarms,
// each miss and false alarm on a line of its own. Exits 2 when the drafts cannot be read.

const root = path.resolve(__dirname, '..', '..', '..');
try {
  const f = scoreDrafts(draftsDir(root), path.join(root, 'bin', 'mtus-lint.js'));
  console.log(`\nDevelopment drafts (${f.documents} documents in ${path.relative(root, draftsDir(root))}):`);
  for (const m of f.misses) console.log(`  MISS  ${m}`);
  for (const a of f.falseAlarms) console.log(`  FALSE ${a}`);
  console.log(figuresLine(f));
} catch (e) {
  console.error(`mtus-lint measure: ${(e as Error).message}`);
  process.exit(2);
}
