// A VS Code snippet expanded as the editor does and filled in as a writer would: each tab stop
// its default where it has one, else the value a test gives it; $CURRENT_* dates from `today`.
import assert from 'node:assert/strict';

export interface Stop {
  index: number;
  /** The default text (already expanded), or undefined for a bare $1 / ${1}. */
  value?: string;
  choices?: string[];
}

export type Node = string | { stop: number; children?: Node[]; choices?: string[] } | { variable: string; children?: Node[] };

/** Parses VS Code's snippet syntax: $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR:default}, \\ escapes. */
export function parseSnippet(src: string): Node[] {
  let i = 0;
  const parse = (inside: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (i < src.length) {
      const ch = src[i];
      if (ch === '\\' && i + 1 < src.length && /[$}\\]/.test(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (inside && ch === '}') {
        break;
      } else if (ch === '$') {
        const simple = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(src.slice(i));
        const braced = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)(:|\||\})/.exec(src.slice(i));
        if (simple) {
          flush();
          out.push(/^\d/.test(simple[1]) ? { stop: Number(simple[1]) } : { variable: simple[1] });
          i += simple[0].length;
        } else if (braced) {
          flush();
          const name = braced[1];
          i += braced[0].length;
          if (braced[2] === '}') out.push(/^\d/.test(name) ? { stop: Number(name) } : { variable: name });
          else if (braced[2] === ':') {
            const children = parse(true);
            assert.equal(src[i], '}', `unclosed \${${name}:… in the snippet`);
            i++;
            out.push(/^\d/.test(name) ? { stop: Number(name), children } : { variable: name, children });
          } else {
            const end = src.indexOf('|}', i);
            assert.ok(end > 0, `unclosed choice \${${name}|… in the snippet`);
            const choices = src
              .slice(i, end)
              .split(/(?<!\\),/)
              .map((c) => c.replace(/\\([$}\\,|])/g, '$1'));
            i = end + 2;
            out.push({ stop: Number(name), choices });
          }
        } else text += src[i++];
      } else text += src[i++];
    }
    flush();
    return out;
  };
  const nodes = parse(false);
  assert.equal(i, src.length, `unexpected "}" at ${i} in the snippet`);
  return nodes;
}

export const pad = (n: number) => String(n).padStart(2, '0');

export function variableValue(name: string, today: Date): string {
  switch (name) {
    case 'CURRENT_YEAR':
      return String(today.getUTCFullYear());
    case 'CURRENT_MONTH':
      return pad(today.getUTCMonth() + 1);
    case 'CURRENT_DATE':
      return pad(today.getUTCDate());
    default:
      throw new Error(`the snippet uses the variable $${name}, which this test does not know`);
  }
}

/** Every tab stop in the snippet, with the default that VS Code would give all its mirrors. */
export function stopsOf(nodes: Node[], today: Date, into = new Map<number, Stop>()): Map<number, Stop> {
  for (const n of nodes) {
    if (typeof n === 'string' || !('stop' in n)) {
      if (typeof n !== 'string' && n.children) stopsOf(n.children, today, into);
      continue;
    }
    const s = into.get(n.stop) ?? { index: n.stop };
    // The first occurrence with a default gives its text to every occurrence.
    if (s.value === undefined && n.children) s.value = render(n.children, new Map(), today);
    if (s.value === undefined && n.choices) {
      s.choices = n.choices;
      s.value = n.choices[0];
    }
    into.set(n.stop, s);
    if (n.children) stopsOf(n.children, today, into);
  }
  return into;
}

export function render(nodes: Node[], values: Map<number, string>, today: Date): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      if ('variable' in n) return variableValue(n.variable, today);
      if (values.has(n.stop)) return values.get(n.stop)!;
      if (n.choices) return n.choices[0];
      return n.children ? render(n.children, values, today) : '';
    })
    .join('');
}

/**
 * The snippet as a writer leaves it: each tab stop holds its default, or the value given here
 * for a stop without one ($0, where the cursor ends, stays empty). Fails on a stop left without
 * a value and on a value for a stop the snippet does not have, so the two lists keep in step.
 */
export function fill(snippet: string, invented: Record<number, string>, today: Date, overrides: Record<number, string> = {}): string {
  const nodes = parseSnippet(snippet);
  const stops = stopsOf(nodes, today);
  const values = new Map<number, string>();
  for (const [index, s] of stops) {
    if (index === 0) continue;
    const v = overrides[index] ?? s.value ?? invented[index];
    assert.ok(v !== undefined, `tab stop $${index} has no default and the test gives it no value`);
    values.set(index, v);
  }
  for (const k of Object.keys(invented)) {
    const s = stops.get(Number(k));
    assert.ok(s, `the test fills $${k}, which the snippet does not have`);
    assert.equal(s.value, undefined, `$${k} has a default ("${s.value}"): the test should use it, not its own value`);
  }
  values.set(0, '');
  return render(nodes, values, today);
}

export const choicesOf = (snippet: string, today: Date) =>
  [...stopsOf(parseSnippet(snippet), today)].filter(([, s]) => s.choices).map(([i, s]) => ({ index: i, choices: s.choices! }));
