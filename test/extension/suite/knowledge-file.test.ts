// The user's own knowledge file in real VS Code: an error in it shows in the Problems view on its
// line; fixed and saved, its entries are used in drafts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, open, revertAndClose, setSetting, waitForDiagnostics } from './util';

const ALIASES = ['acupuncture', 'electroacupuncture', 'dry needling'];
const entry = (aliases: unknown) => ({ id: 'acupuncture', name: 'Acupuncture', unit: 'sessions', category: 'acupuncture', aliases });

describe('mtusLint.knowledge.customFile', () => {
  const knowledge = () => fileUri('practice-knowledge.json');
  const write = (value: unknown) => vscode.workspace.fs.writeFile(knowledge(), new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
  after(async () => {
    await setSetting('knowledge.customFile', undefined);
    await vscode.workspace.fs.delete(knowledge(), { useTrash: false }).then(undefined, () => undefined);
  });

  it('an error shows in the knowledge file on its line; once fixed, its alias is read in a draft', async () => {
    await write({ treatments: [entry([7])] });
    await setSetting('knowledge.customFile', 'practice-knowledge.json');
    const problems = await waitForDiagnostics(knowledge(), (ds) => ds.length > 0, 'a problem in the knowledge file');
    assert.equal(problems[0].range.start.line, 8, `the bad alias is on line 9: ${problems[0].message}`);
    assert.match(problems[0].message, /^treatments\.0\.aliases\.0: /);

    await write({ treatments: [entry(ALIASES)] });
    await waitForDiagnostics(knowledge(), (ds) => ds.length === 0, 'the problem gone once the file is fixed');
    const draft = fileUri('dry-needling.rfa');
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('Dry needling 2x4 low back\n'));
    try {
      await open(draft);
      const ds = await waitForDiagnostics(draft, (d) => d.length === 1, 'the draft read with the custom alias');
      assert.ok(ds[0].message.startsWith('8 acupuncture sessions exceeds the 3–6 trial limit'), ds[0].message);
    } finally {
      await revertAndClose();
      await vscode.workspace.fs.delete(draft, { useTrash: false });
    }
  });
});
