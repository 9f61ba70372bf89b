import { parentPort, workerData } from 'node:worker_threads';
import { defaultKnowledge } from '../knowledge/load';
import { readOneLetter } from './read-decisions';
import { indexEntry, type EntryForm } from './index-entry';
import { quoteFinder } from './quote-picker';
import { readLetterBytesSync } from './read-letter';

// A worker thread of `corpus build` (parallel-read.ts): it reads and parses the letters it is
// sent, one at a time so the time each takes is one core's, and sends back each decision. It
// reads each file waiting on the disk: a hand-off to Node's I/O threads would cost it more.
// Letters' text never leaves the thread: only the decision and the key duplicates are known by.
// The sentences that could quote a guideline are found here too (quote-picker.ts), and the
// decision's text in the index is written (index-entry.ts): the thread that writes the index
// then only keeps the best quotations and copies the text, and keeps up with more workers.

const kb = defaultKnowledge();
const form = (workerData as { entry?: EntryForm } | undefined)?.entry;
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: { id: number; file: string }) => {
  queue = queue.then(async () => {
    const result = await readOneLetter(task.file, kb, readLetterBytesSync);
    if (result.decision) {
      result.quotes = quoteFinder(kb).candidates(result.decision);
      if (form) result.entry = indexEntry(result.decision, form);
    }
    parentPort?.postMessage({ id: task.id, result });
  });
});
