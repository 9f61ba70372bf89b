import { parentPort } from 'node:worker_threads';
import { defaultKnowledge } from '../knowledge/load';
import { readOneLetter } from './read-decisions';
import { readLetterBytesSync } from './read-letter';

// A worker thread of `corpus build` (parallel-read.ts): it reads and parses the letters it is
// sent, one at a time so the time each takes is one core's, and sends back each decision. It
// reads each file waiting on the disk: a hand-off to Node's I/O threads would cost it more.
// Letters' text never leaves the thread: only the decision and the key duplicates are known by.

const kb = defaultKnowledge();
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: { id: number; file: string }) => {
  queue = queue.then(async () => parentPort?.postMessage({ id: task.id, result: await readOneLetter(task.file, kb, readLetterBytesSync) }));
});
