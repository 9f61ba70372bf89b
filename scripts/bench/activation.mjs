// Extension activation, timed outside VS Code: a fresh Node process loads dist/extension.js
// with a stand-in vscode module and awaits activate() (activation-child.cjs). VS Code counts the
// same: loading the code, then activate() until its promise settles. Two cases: no request
// open (the server is not started), and a request open (the server starts in the background;
// how long until it has answered initialize is timed too).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const CHILD = fileURLToPath(new URL('./activation-child.cjs', import.meta.url));

function once(mode) {
  const r = JSON.parse(execFileSync(process.execPath, [CHILD, mode], { encoding: 'utf8', timeout: 30_000 }));
  if (r.error) throw new Error(`activate() failed: ${r.error}`);
  return r;
}

export function activationTimes(runs) {
  const out = {};
  for (const mode of ['closed', 'open']) {
    once(mode); // the first run pays for the disk cache
    const rs = Array.from({ length: runs }, () => once(mode));
    out[mode] = {
      load: median(rs.map((r) => r.load)),
      activate: median(rs.map((r) => r.activate)),
      total: median(rs.map((r) => r.load + r.activate)),
      running: median(rs.map((r) => r.running)),
    };
  }
  return out;
}
