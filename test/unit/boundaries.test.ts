// The parts of mtus-lint keep to their sides (docs/architecture.md): the engine is plain
// TypeScript that editors, the CLI and the tests share, so it imports nothing of the server,
// its features or the Language Server Protocol; the VS Code client loads nothing of the
// server but the protocol module, so a check can never run in the extension host.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();

/** Every file under `dir` (relative to the repository root) whose name matches. */
function files(dir: string, match = /\.ts$/): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory() && (e.name === 'node_modules' || e.name.startsWith('.'))) continue;
    if (e.isDirectory()) out.push(...files(rel, match));
    else if (match.test(e.name)) out.push(rel);
  }
  return out;
}
const sources = (dir: string) => files(dir);

/** Every module a file names: import and export ... from, import(), require(). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm,
  )) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

/** A relative specifier as a path from the repository root (no extension); a package as itself. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec;
}

function violations(dir: string, forbidden: (to: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    specifiers(file)
      .filter((s) => forbidden(target(file, s)))
      .map((s) => `${file}: ${s}`),
  );
}

describe('boundaries between the parts', () => {
  test('the reader of imports finds them (the checks below can fail)', () => {
    assert.ok(specifiers('server/src/lsp.ts').includes('vscode-languageserver'));
    assert.ok(specifiers('client/src/activate.ts').some((s) => s.endsWith('server/src/protocol')));
    assert.ok(sources('server/src/engine').length > 50);
  });

  test('the engine imports nothing of the server, its features, the CLI or the Language Server Protocol', () => {
    const outside = (to: string) =>
      /^vscode(-languageserver.*|-languageclient.*|-jsonrpc)?$/.test(to) ||
      /^server\/src\/(features|cli|config|web)\//.test(to) ||
      /^server\/src\/(lsp|server|settings|protocol|fix-all|cli)$/.test(to) ||
      to.startsWith('client/');
    assert.deepEqual(violations('server/src/engine', outside), []);
  });

  test('the client loads only the protocol module of the server', () => {
    const server = (to: string) => to.startsWith('server/') && to !== 'server/src/protocol';
    assert.deepEqual(violations('client/src', server), []);
  });

  test('the protocol module loads no code: names, types and words only', () => {
    const text = fs.readFileSync(path.join(root, 'server/src/protocol.ts'), 'utf8');
    const runtime = [...text.matchAll(/^import\s+(?!type\b)[^;]*from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    assert.deepEqual(runtime, []);
  });
});

describe('docs/architecture.md', () => {
  // Every file and folder it names by path exists, so a move or a rename says where the
  // description has to follow. Paths are written from where the reader stands (server/src/,
  // its engine/ or features/, client/src/), so each must end some path of the repository.
  const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const named = [...doc.matchAll(/`([\w./<>-]+\.(?:ts|mjs|md)|[\w.-]+(?:\/[\w.-]+)*\/)`/g)].map((m) => m[1]).filter((p) => !p.includes('<'));
  const all = ['server/src', 'client/src', 'test', 'scripts', 'docs'].flatMap((d) => files(d, /./));
  const folders = new Set(
    all.flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
    ),
  );

  test('names files (the check below can fail)', () => assert.ok(named.length > 30, JSON.stringify(named)));

  test('every file and folder it names exists', () => {
    const missing = named.filter((p) =>
      p.endsWith('/') ? ![...folders].some((f) => f === p || f.endsWith(`/${p}`)) : !all.some((f) => f === p || f.endsWith(`/${p}`)),
    );
    assert.deepEqual(missing, []);
  });
});
