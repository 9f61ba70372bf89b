import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../engine';
import type { FileReport, Range } from './report';
import { ruleDocText, ruleDocUrl } from './rule-docs';

// SARIF 2.1.0 (the format GitHub code scanning and other dashboards read): one run whose
// driver lists every rule with its description, default level and help (the rule's page,
// linked and included, since the page's location is only meaningful on this machine);
// each result with its location, 1-based as SARIF counts, in UTF-16 columns, and its
// certain fix, if any, as a SARIF fix.

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(reports: readonly FileReport[], opts: { cwd: string; version: string; quiet: boolean }): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const srcRoot = `${pathToFileURL(opts.cwd).href.replace(/\/?$/, '/')}`;
  const location = (file: string) => {
    if (file === '<stdin>') return { uri: 'stdin' };
    const abs = path.resolve(opts.cwd, file);
    const rel = path.relative(opts.cwd, abs);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
    return { uri: pathToFileURL(abs).href };
  };
  const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  const results = reports.flatMap((f) =>
    (opts.quiet ? f.diagnostics.filter((d) => d.severity === 'error') : f.diagnostics).map((d) => ({
      ruleId: d.rule,
      ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: location(f.path), region: region(d.range) } }],
      ...(d.fix
        ? {
            fixes: [
              {
                description: { text: d.fix.title },
                artifactChanges: [
                  {
                    artifactLocation: location(f.path),
                    replacements: d.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                  },
                ],
              },
            ],
          }
        : {}),
    })),
  );
  const rules = RULES.map((r) => {
    const docs = ruleDocUrl(r.id);
    const page = ruleDocText(r.id);
    return {
      id: r.id,
      name: r.id,
      shortDescription: { text: r.summary },
      ...(docs ? { helpUri: docs } : {}),
      help: { text: page ?? r.summary, ...(page ? { markdown: page } : {}) },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mtus-lint', version: opts.version, semanticVersion: opts.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
