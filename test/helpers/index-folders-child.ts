// Run as its own process (by test/reliability/lsp-file-faults.test.ts, as an unprivileged user
// when the tests run as root): index one folder of letters with CorpusFolders and print how
// many decisions it found and what it told the user, as JSON.
import { buildCorpus } from '../../server/src/corpus/build-index';
import { CorpusFolders } from '../../server/src/features/corpus-folders';

const [folder, cacheDir] = process.argv.slice(2);
if (folder && cacheDir) {
  const warnings: string[] = [];
  const folders = new CorpusFolders({
    buildOne: (file) => buildCorpus([file]),
    cacheDir,
    progress: () => ({ begin() {}, report() {}, done() {} }),
    warn: (m) => warnings.push(m),
    onIndex: (ix) => {
      folders.dispose();
      process.stdout.write(JSON.stringify({ letters: ix?.letters ?? 0, warnings }));
    },
  });
  folders.update([folder]);
}
