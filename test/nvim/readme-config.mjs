// The README's Neovim configuration, run exactly as written, so it cannot rot: the ```lua block
// under "### Neovim" is extracted, saved as init.lua and given to a headless Neovim (-u), with
// a `mtus-lint` command on PATH (what installing the CLI gives a user) and a .rfa draft named
// on the command line; test/nvim/readme-check.lua then says whether the draft was checked.
// Everything runs in the caller's run folder, with its HOME and XDG folders, under a hard
// time limit, killed by its process group if it overruns.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DRAFT = 'Acupuncture 2x4 for the low back\n';

/** The README's Neovim configuration: the first ```lua block after the "### Neovim" heading. */
export function readmeNeovimConfig(readme) {
  const section = /^### Neovim\b.*$/m.exec(readme);
  if (!section) throw new Error('README.md has no "### Neovim" section');
  const block = /```lua\n([\s\S]*?)\n```/.exec(readme.slice(section.index));
  if (!block) throw new Error("README.md's Neovim section has no ```lua block");
  return `${block[1]}\n`;
}

/**
 * Run it; resolves to { lines: ['ok - ...', 'not ok - ...', '# ...'], serverPid }. `env` is
 * the isolated environment of the caller (HOME, XDG_*, TMPDIR inside its run folder).
 */
export async function runReadmeConfig({ root, nvim, runDir, env, timeoutMs }) {
  const dir = join(runDir, 'readme');
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const init = join(dir, 'init.lua');
  writeFileSync(init, readmeNeovimConfig(readFileSync(join(root, 'README.md'), 'utf8')));
  // `mtus-lint` on PATH, as `npm install -g` of the package would put it there.
  const shim = join(bin, 'mtus-lint');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'mtus-lint.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  const draft = join(dir, 'knee.rfa');
  writeFileSync(draft, DRAFT);
  const results = join(dir, 'results.txt');
  const child = spawn(nvim, ['--headless', '-u', init, draft, '-c', `luafile ${join(here, 'readme-check.lua')}`], {
    cwd: dir,
    env: { ...env, PATH: `${bin}:${env.PATH}`, MTUS_NVIM_RESULTS: results },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, timeoutMs);
  const code = await new Promise((resolve) => {
    child.on('error', () => resolve(null));
    child.on('exit', (c) => resolve(c));
  });
  clearTimeout(timer);
  const lines = existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter(Boolean) : [];
  const serverPid = Number(lines.find((l) => l.startsWith('# server pid '))?.slice(13)) || undefined;
  if (!lines.some((l) => /^(not )?ok - /.test(l)))
    lines.push(`not ok - the README's Neovim configuration ran: ${timedOut ? `killed after ${timeoutMs} ms` : `exit ${code}`}; ${output.trim().slice(-500)}`);
  try {
    process.kill(-child.pid, 'SIGKILL'); // nothing should be left in its group
  } catch {}
  return { lines, serverPid, code, timedOut };
}
