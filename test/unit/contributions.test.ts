// package.json's editor contributions for writing (issue 6): the commands, snippets, walkthrough
// and Restricted Mode declaration are there, point at files that exist and ship, and name only
// commands the extension registers or VS Code has.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers/repo';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

const root = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const exists = (rel: string) => fs.existsSync(path.join(root, rel.replace(/^\.\//, '')));

/** Commands the client registers (client/src, every registerCommand('id', ...)). */
function registeredCommands(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/registerCommand\(\s*'([^']+)'/g)) ids.add(m[1]);
    }
  };
  walk(path.join(root, 'client', 'src'));
  return ids;
}

// VS Code's own commands the walkthrough may run.
const BUILT_IN = new Set(['workbench.actions.view.problems']);

describe('commands', () => {
  const declared = new Map<string, { title: string; category?: string }>(
    (contributes.commands ?? []).map((c: { command: string; title: string; category?: string }) => [c.command, c]),
  );

  test('New Treatment Request, New IMR Appeal Letter and Browse the MTUS Guidelines are declared under "mtus-lint"', () => {
    const want: Record<string, string> = {
      'mtusLint.newRequest': 'New Treatment Request',
      'mtusLint.newAppeal': 'New IMR Appeal Letter',
      'mtusLint.browseGuidelines': 'Browse the MTUS Guidelines',
    };
    for (const [id, title] of Object.entries(want)) {
      const c = declared.get(id);
      assert.ok(c, `${id} is not declared`);
      assert.equal(`${c.category}: ${c.title}`, `mtus-lint: ${title}`);
    }
  });

  test('every declared command is registered by the client, and every registered one declared', () => {
    const registered = registeredCommands();
    for (const id of declared.keys()) assert.ok(registered.has(id), `${id} is declared in package.json but never registered`);
    for (const id of registered) assert.ok(declared.has(id), `${id} is registered but not declared in package.json`);
  });

  test('the command palette hides only declared commands', () => {
    for (const m of contributes.menus?.commandPalette ?? []) assert.ok(declared.has(m.command), `${m.command} in menus.commandPalette is not declared`);
  });
});

describe('snippets', () => {
  const languages = new Set((contributes.languages ?? []).map((l: { id: string }) => l.id));

  test('one snippet file per language, for the request and the appeal letter', () => {
    const langs = (contributes.snippets ?? []).map((s: { language: string }) => s.language).sort();
    assert.deepEqual(langs, ['mtus-appeal', 'mtus-request']);
  });

  for (const s of contributes.snippets ?? []) {
    test(`${s.path} exists, parses, and belongs to a contributed language`, () => {
      assert.ok(languages.has(s.language), `${s.language} is not a contributed language`);
      assert.ok(exists(s.path), `${s.path} does not exist`);
      const parsed = JSON.parse(fs.readFileSync(path.join(root, s.path), 'utf8')) as Record<string, { prefix: unknown; body: unknown; description: unknown }>;
      assert.ok(Object.keys(parsed).length > 0, 'no snippets');
      for (const [name, snip] of Object.entries(parsed)) {
        assert.ok(typeof snip.prefix === 'string' || (Array.isArray(snip.prefix) && snip.prefix.length > 0), `${name}: prefix`);
        assert.ok(typeof snip.body === 'string' || Array.isArray(snip.body), `${name}: body`);
        assert.equal(typeof snip.description, 'string', `${name}: description`);
        // Typing "mtus" lists them all; typing the piece's own name finds it.
        const prefixes = Array.isArray(snip.prefix) ? snip.prefix : [snip.prefix];
        assert.ok(
          prefixes.some((p) => prefixes.includes(`mtus-${p}`)),
          `${name}: prefixes "x" and "mtus-x", got ${JSON.stringify(prefixes)}`,
        );
      }
    });
  }

  test('the six common pieces are there', () => {
    const names = (file: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'snippets', file), 'utf8')));
    const request = names('mtus-request.json');
    const appeal = names('mtus-appeal.json');
    for (const n of [
      'Acupuncture trial',
      'Chiropractic trial',
      'Physical therapy course',
      'Massage with a home exercise program',
      'Functional improvement block',
    ])
      assert.ok(request.includes(n), `mtus-request: ${n}`);
    for (const n of ['Answer to: no documentation of functional improvement', 'Functional improvement block'])
      assert.ok(appeal.includes(n), `mtus-appeal: ${n}`);
  });
});

describe('the walkthrough', () => {
  const walkthroughs = contributes.walkthroughs ?? [];
  const steps: Step[] = walkthroughs.flatMap((w: { steps: Step[] }) => w.steps);
  const declared = new Set((contributes.commands ?? []).map((c: { command: string }) => c.command));

  test('is contributed, with steps for the example, the problems, the hover, the quick fix and a template', () => {
    assert.equal(walkthroughs.length, 1);
    assert.ok(walkthroughs[0].title && walkthroughs[0].description);
    assert.deepEqual(
      steps.map((s) => s.id),
      ['openExample', 'problems', 'hover', 'quickFix', 'template'],
    );
    for (const s of steps) assert.ok(s.title && s.description.length > 40, `step ${s.id}: a title and a description`);
  });

  test('every step shows media that exists (a page, or an image with its description)', () => {
    for (const s of steps) {
      const file = s.media.markdown ?? s.media.image;
      assert.ok(file, `step ${s.id} has no media`);
      assert.ok(exists(file), `step ${s.id}: ${file} does not exist`);
      if (s.media.image) assert.ok(s.media.altText, `step ${s.id}: an image needs altText`);
    }
  });

  test("every command a step runs or completes on is the extension's or VS Code's", () => {
    for (const s of steps) {
      const links = [...s.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      const events = (s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
      assert.ok(links.length > 0, `step ${s.id} has a button`);
      assert.ok((s.completionEvents ?? []).length > 0, `step ${s.id} has a completion event`);
      for (const id of [...links, ...events])
        assert.ok(declared.has(id) || BUILT_IN.has(id), `step ${s.id}: ${id} is neither declared nor a known VS Code command`);
    }
  });

  test('the example it opens ships with the extension', () => {
    assert.ok(exists('examples/knee-and-back.rfa'));
  });
});

describe('Restricted Mode', () => {
  test('is declared as limited, restricting the knowledge file and the corpus folders', () => {
    const u = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces is missing');
    assert.equal(u.supported, 'limited');
    assert.ok(typeof u.description === 'string' && u.description.includes('Restricted Mode'));
    assert.deepEqual([...u.restrictedConfigurations].sort(), ['mtusLint.corpus.paths', 'mtusLint.knowledge.customFile']);
    const props = contributes.configuration.properties;
    for (const key of u.restrictedConfigurations) assert.ok(props[key], `${key} is not a contributed setting`);
  });
});

describe('the .vsix', () => {
  /** As vsce decides: a file is left out when an ignore line matches it and no "!" line does, whatever the order. */
  function ships(rel: string): boolean {
    const lines = fs
      .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const toRegex = (glob: string) =>
      new RegExp(
        `^${glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*/g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\u0000/g, '.*')}$`,
      );
    const matches = (l: string) => toRegex(l.replace(/^!/, '')).test(rel);
    return lines.some((l) => l.startsWith('!') && matches(l)) || !lines.some((l) => !l.startsWith('!') && matches(l));
  }

  test('holds the snippets, the walkthrough media and the example', () => {
    const files = [
      ...(contributes.snippets ?? []).map((s: { path: string }) => s.path),
      ...(contributes.walkthroughs ?? []).flatMap((w: { steps: Step[] }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
      'examples/knee-and-back.rfa',
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const f of files) assert.ok(ships(f), `${f} is left out of the .vsix by .vscodeignore`);
    assert.ok(!ships('client/src/extension.ts'), 'sources stay out');
    assert.ok(ships('dist/server.js') && ships('dist/web/server.js') && ships('dist/knowledge/citations.json'), 'the bundles and knowledge base ship');
    assert.ok(ships('dist/server.js.br'), "the server's compressed code ships beside its loader");
    assert.ok(!ships('dist/pdf-modules.js') && !ships('dist/pdf-modules.js.br'), 'pdf.js ships in mtus-lint PDF reader, not here');
  });
});
