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

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.ts$/.test(e.name)) out.push(rel);
  }
  return out;
}

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
