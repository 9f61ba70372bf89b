// Counts of documents tried and failures, per part of the reliability tier, printed once when
// the test file's process ends (the report says how much was tried, not only that it passed).
const counts = new Map<string, { tried: number; failed: number }>();

export function tally(part: string, tried: number, failed: number): void {
  const c = counts.get(part) ?? { tried: 0, failed: 0 };
  c.tried += tried;
  c.failed += failed;
  counts.set(part, c);
}

process.on('exit', () => {
  for (const [part, c] of counts) {
    process.stderr.write(`# reliability ${part}: ${c.tried.toLocaleString('en-US')} documents tried, ${c.failed.toLocaleString('en-US')} failed\n`);
  }
});
