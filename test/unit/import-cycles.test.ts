// The engine's modules import one another without a cycle. A cycle means two modules each need
// the other's judgement (a rule asking another rule, a parser reading a rule's helper): the shared
// part belongs in a module both import (judgements/, wording/, parse/). With none, each module
// can be read, tested and moved knowing only what it imports.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();

/** Every .ts file under `dir`, relative to the repository root. */
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? sources(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The modules of `files` a file imports: import/export ... from, and type-position import('...'). */
function imports(file: string, files: Set<string>): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm)].map(
    (m) => m[1] ?? m[2],
  );
  return specs.flatMap((s) => {
    const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), s));
    return [`${to}.ts`, `${to}/index.ts`].filter((f) => files.has(f)).slice(0, 1);
  });
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (v: string) => {
    state.set(v, 'open');
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (state.get(w) === 'open') found.push([...stack.slice(stack.indexOf(w)), w]);
      else if (!state.has(w)) visit(w);
    }
    stack.pop();
    state.set(v, 'done');
  };
  for (const v of graph.keys()) if (!state.has(v)) visit(v);
  return found;
}

describe('engine imports', () => {
  const files = sources('server/src/engine');
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, imports(f, known)]));

  test('the reader of imports finds them (the check below can fail)', () => {
    assert.ok(graph.get('server/src/engine/analyze.ts')!.includes('server/src/engine/rules/index.ts'));
    assert.deepEqual(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
      [['a', 'b', 'a']],
    );
  });

  test('no module of the engine imports itself through others, types included', () => {
    assert.deepEqual(
      cycles(graph).map((c) => c.map((f) => f.replace('server/src/engine/', '')).join(' → ')),
      [],
    );
  });
});
