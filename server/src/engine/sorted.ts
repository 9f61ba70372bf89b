// Lookups in ascending offsets (line starts, blank lines, where a kind of thing begins), shared
// so each stage that keeps such a list finds its place by binary search, not by a scan.

/** The index of the first of ascending `xs` at or after `at` (`xs.length` when none is). */
export function firstAtOrAfter(xs: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
