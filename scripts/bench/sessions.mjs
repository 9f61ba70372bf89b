// The language server's figures from several servers, each started fresh: one server's figures
// move with what V8 happened to optimise first and where its memory landed (the 5 KB keystroke
// took 1.05 to 1.55 ms in eight servers started one after another in the same quarter hour,
// 2026-12-03), so the benchmark prints the median server's figure and the range over all of them.
import { median } from './measure.mjs';

/**
 * Each number of `sessions` (and of the objects one level down, such as `faults`) as its median
 * over them; `spread` holds each one's least and greatest, keyed alike.
 */
export function acrossSessions(sessions) {
  const combine = (objects) => {
    const value = {};
    const spread = {};
    for (const key of Object.keys(objects[0])) {
      const xs = objects.map((o) => o[key]);
      if (xs.every((x) => x && typeof x === 'object')) {
        const inner = combine(xs);
        value[key] = inner.value;
        spread[key] = inner.spread;
        continue;
      }
      const numbers = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
      value[key] = numbers.length ? median(numbers) : xs[0];
      if (numbers.length) spread[key] = [Math.min(...numbers), Math.max(...numbers)];
    }
    return { value, spread };
  };
  const { value, spread } = combine(sessions);
  return { ...value, spread, sessions: sessions.length };
}
