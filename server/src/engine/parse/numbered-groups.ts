// A pattern written with named groups, run with numbered ones. V8 gives each match of a regex
// with named groups a `groups` object holding every name, made anew for each match: the
// citation opener has two dozen names, and on a 1 MB document its groups objects were 2.5 MB of
// the 40 MB one check allocates, and its scan ran a sixth slower for them. The names stay in the
// source, where they say what each part is; a match is read by number through `index`.

export interface NumberedRegExp {
  /** The pattern with its names taken out: the same matches, the same groups by number. */
  re: RegExp;
  /** Each name's group number. */
  index: Record<string, number>;
}

/** `pattern` (its source and flags) with numbered groups in place of named ones. */
export function numberedGroups(pattern: RegExp): NumberedRegExp {
  const src = pattern.source;
  const index: Record<string, number> = {};
  let out = '';
  let groups = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      // A named backreference would need renumbering too; none of ours use one.
      if (src[i + 1] === 'k' && src[i + 2] === '<') throw new Error('numberedGroups: named backreferences are not supported');
      out += c + src[i + 1];
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i, i + 80));
      if (named) {
        index[named[1]] = ++groups;
        out += '(';
        i += named[0].length - 1;
        continue;
      }
      if (src[i + 1] !== '?') groups++;
    }
    out += c;
  }
  return { re: new RegExp(out, pattern.flags), index };
}
