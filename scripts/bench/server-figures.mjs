// Issue 15's targets measured over the real language server, as an editor sees them: from the
// keystroke's didChange to its diagnostics, with mtusLint.debounceMs at 0 so the server's own
// work is what is timed. VS Code pulls diagnostics (textDocument/diagnostic); Neovim and most
// other editors are sent them (publishDiagnostics): both are measured.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { LspSession } from './lsp-session.mjs';
import { median, timeAsync } from './measure.mjs';
import { faultsBetweenCalls, minorFaults } from './page-faults.mjs';

// The 1 MB document is opened as plain text with plain-text checking on, so its kind is
// inferred as in the engine's own figures; the draft is a request (.rfa).
const SETTINGS = { debounceMs: 0, plaintext: { enable: true } };
const uriOf = (root, name) => pathToFileURL(join(root, 'test-output', 'bench', name)).href;

/**
 * Alternately type a letter inside a word near `at` and delete it again: two keystrokes. Each
 * call stages the next one in the editor's copy (untimed) and returns it, ready to send.
 */
function keystrokes(session, uri, at) {
  let typed = false;
  return () => {
    const edit = typed ? session.stageEdit(uri, at, 1, '') : session.stageEdit(uri, at, 0, 'x');
    typed = !typed;
    return edit;
  };
}

/** Send (a document opened, or an edit) and wait for the diagnostics of `version`. */
async function diagnosticsAfter(session, uri, pull, send, version) {
  if (pull) {
    await send();
    return session.pulled(uri);
  }
  const published = session.published(uri, version ?? (session.docs.get(uri)?.version ?? 0) + 1);
  await send();
  return published;
}

/** Where typing happens: inside a word in the middle of the text. */
const middleOfAWord = (text) => text.indexOf(' the ', text.length >> 1) + 2;

/**
 * The session's start, as the timed one makes it: a cold 1 MB document checked and closed, then
 * the draft opened and checked. Returns how long the 1 MB check took, and the draft's keystrokes.
 */
async function coldThenDraft(session, root, { draft, big }, pull, prefix = '') {
  const cold = uriOf(root, `${prefix}cold.txt`);
  const t = performance.now();
  await diagnosticsAfter(session, cold, pull, () => session.open(cold, 'plaintext', big));
  const coldMs = performance.now() - t;
  await session.close(cold);
  const draftUri = uriOf(root, `${prefix}draft.rfa`);
  await diagnosticsAfter(session, draftUri, pull, () => session.open(draftUri, 'mtus-request', draft));
  return { coldMs, draftUri, typeDraft: keystrokes(session, draftUri, middleOfAWord(draft)) };
}

/**
 * Warm this process's own side of the exchange (vscode-jsonrpc, the editor's copy of each
 * document) against a server started for it alone and then stopped. An editor is a long-running
 * process whose code is warm; the benchmark's stand-in starts cold, and its JIT warming up showed
 * in the draft's keystroke figure (about 0.07 ms at keystrokes 300 to 340), which is not the
 * server's work. The server that is timed starts fresh and is sent exactly the same as before.
 */
async function warmEditor(root, docs, { pull, keystrokes: count }) {
  const session = await LspSession.start(root, { pull, ipc: pull, settings: SETTINGS });
  try {
    const { draftUri, typeDraft } = await coldThenDraft(session, root, docs, pull, 'editor-warm-up-');
    for (let i = 0; i < count; i++) {
      const k = typeDraft();
      await diagnosticsAfter(session, draftUri, pull, k.send, k.version);
    }
  } finally {
    await session.stop();
  }
}

/** The figures of one editor style (pull: VS Code; push: the rest). */
export async function serverFigures(root, { draft, big }, { pull, runs }) {
  if (runs.editorWarmUp) await warmEditor(root, { draft, big }, { pull, keystrokes: runs.editorWarmUp });
  // VS Code talks to the server over Node's IPC channel; Neovim and most others over stdio.
  const session = await LspSession.start(root, { pull, ipc: pull, settings: SETTINGS });
  const out = {};
  try {
    // The first document a freshly started server sees: nothing is warm yet.
    const { coldMs, draftUri, typeDraft } = await coldThenDraft(session, root, { draft, big }, pull);
    out.coldFirstCheck = coldMs;
    // A server that has been in use for a while is warm: type a few hundred keys before timing.
    const pid = session.proc.pid;
    const draftFaults = faultsBetweenCalls(pid, typeDraft);
    out.keystrokeDraft = await timeAsync((k) => diagnosticsAfter(session, draftUri, pull, k.send, k.version), runs.draft, 300, draftFaults.prepare);
    out.faults = { keystrokeDraft: draftFaults.medianOfLast(runs.draft) };
    // For information: the same keystrokes after a thousand more (how much of the figure is the
    // JIT still warming up), and the exchange with no work in it: a notification and a request
    // the server has no handler for, answered at once ("method not found"). The latter is the
    // floor of the transport and of waking the two processes on this machine; during a real
    // keystroke the editor waits longer, and its wake-up costs more than this.
    out.keystrokeDraftWarmer = await timeAsync((k) => diagnosticsAfter(session, draftUri, pull, k.send, k.version), runs.draft, 1000, typeDraft);
    out.emptyExchange = await timeAsync(
      async () => {
        await session.connection.sendNotification('$/mtusLintBench', {});
        await session.connection.sendRequest('$/mtusLintBench', {}).catch(() => undefined);
      },
      runs.draft,
      50,
    );

    // A 1 MB document opened and checked for the first time, on a server that has checked others.
    const firsts = [];
    const firstFaults = [];
    for (let i = 0; i < runs.big + 2; i++) {
      const uri = uriOf(root, `first-${i}.txt`);
      const before = minorFaults(pid);
      const t = performance.now();
      await diagnosticsAfter(session, uri, pull, () => session.open(uri, 'plaintext', big));
      if (i >= 2) {
        firsts.push(performance.now() - t);
        if (before !== undefined) firstFaults.push(minorFaults(pid) - before);
      }
      await session.close(uri);
    }
    out.firstCheckBig = median(firsts);
    out.faults.firstCheckBig = firstFaults.length ? median(firstFaults) : undefined;

    const bigUri = uriOf(root, 'big.txt');
    let diagnostics = await diagnosticsAfter(session, bigUri, pull, () => session.open(bigUri, 'plaintext', big));
    out.diagnosticsBig = diagnostics.length;
    const typeBig = keystrokes(session, bigUri, middleOfAWord(big));
    const bigFaults = faultsBetweenCalls(pid, typeBig);
    out.keystrokeBig = await timeAsync(
      async (k) => (diagnostics = await diagnosticsAfter(session, bigUri, pull, k.send, k.version)),
      runs.big,
      2,
      bigFaults.prepare,
    );
    out.faults.keystrokeBig = bigFaults.medianOfLast(runs.big);
    if (pull) Object.assign(out, await features(session, bigUri, session.docs.get(bigUri).getText(), diagnostics, runs.feature));
  } finally {
    await session.stop();
  }
  return out;
}

/** Hover, code actions, completion and inlay hints on the checked 1 MB document. */
async function features(session, uri, text, diagnostics, runs) {
  const mid = text.length >> 1;
  const textDocument = { uri };
  const at = (needle) => {
    const i = text.indexOf(needle, mid);
    return i < 0 ? text.indexOf(needle) : i;
  };
  // Rest the pointer where a hover has something to say: a citation, else a treatment.
  let hoverParams;
  for (const needle of ['9792.24.1', 'Chronic Pain Medical Treatment Guidelines', 'ACOEM', 'Acupuncture', 'physical therapy']) {
    if (at(needle) < 0) continue;
    const p = { textDocument, position: session.position(uri, at(needle) + 1) };
    if (await session.request('textDocument/hover', p)) {
      hoverParams = p;
      break;
    }
  }
  const nearMiddle =
    diagnostics
      .filter((d) => d.data?.fix)
      .sort((a, b) => Math.abs(a.range.start.line - session.position(uri, mid).line) - Math.abs(b.range.start.line - session.position(uri, mid).line))[0] ??
    diagnostics[0];
  const actionParams = nearMiddle
    ? { textDocument, range: nearMiddle.range, context: { diagnostics: [nearMiddle] } }
    : { textDocument, range: { start: session.position(uri, mid), end: session.position(uri, mid) }, context: { diagnostics: [] } };
  const afterTreatment = Math.max(at('cupuncture '), at('hysical therapy '));
  const completionParams = {
    textDocument,
    position: session.position(uri, afterTreatment + text.slice(afterTreatment).indexOf(' ') + 1),
    context: { triggerKind: 2, triggerCharacter: ' ' },
  };
  const screen = session.position(uri, mid);
  const inlayParams = { textDocument, range: { start: { line: screen.line, character: 0 }, end: { line: screen.line + 60, character: 0 } } };
  const time = (method, params) => (params ? timeAsync(() => session.request(method, params), runs, 5) : Promise.resolve(NaN));
  return {
    hover: await time('textDocument/hover', hoverParams),
    codeAction: await time('textDocument/codeAction', actionParams),
    completion: await time('textDocument/completion', completionParams),
    inlayHint: await time('textDocument/inlayHint', inlayParams),
  };
}
