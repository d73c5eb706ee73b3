// Where the web tests run: a web worker without Node, the extension loaded from its `browser` entry, the
// workspace on a non-file scheme. The first test activates the extension and prints how long it took.
import * as vscode from 'vscode';
import { baseName, closeAll, tcpseqFiles, workspaceRoot } from '../exthost/helpers.ts';
import * as assert from './assert.ts';

const say = (s: string) => console.log(`[tcpseq-web] ${s}`);

suite('web worker extension host', () => {
  suiteTeardown(closeAll);

  test('activates the browser entry (time printed as ACTIVATION)', async () => {
    const ext = vscode.extensions.getExtension('tcpseq.tcpseq');
    assert.ok(ext, 'the tcpseq extension is loaded');
    assert.equal(ext.packageJSON.browser, './dist/web/extension.js');
    const wasActive = ext.isActive;
    const t0 = performance.now();
    await ext.activate();
    const end = performance.now();
    // The web worker host marks the download and the evaluation of the bundle (performance.mark, in this worker)
    const mark = (what: string) => performance.getEntriesByName(`code/extHost/${what}/${ext.id}`).at(-1)?.startTime;
    const [willFetch, didFetch, willLoad, didLoad] = ['willFetchExtensionCode', 'didFetchExtensionCode', 'willLoadExtensionCode', 'didLoadExtensionCode'].map(mark);
    const parts = didLoad !== undefined && willLoad !== undefined && didFetch !== undefined && willFetch !== undefined
      ? `: download ${(didFetch - willFetch).toFixed(1)} ms, evaluate ${(didLoad - willLoad).toFixed(1)} ms, activate() with the host's context setup ${(end - didLoad).toFixed(1)} ms`
        + ` -> ACTIVATE-OWN ${(end - willLoad).toFixed(1)} ms`
      : '';
    say(`ACTIVATION ${(end - t0).toFixed(1)} ms${parts}${wasActive ? ' (was already active: not a first activation)' : ''}`);
    assert.ok(ext.isActive);
  });

  test('runs in a web worker, without Node', () => {
    const g = globalThis as { process?: { versions?: { node?: string } } };
    assert.equal(g.process?.versions?.node, undefined, 'no Node in the extension host');
    assert.equal(self.constructor.name, 'DedicatedWorkerGlobalScope');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    say(`host ${self.constructor.name}, VS Code ${vscode.version}, ${vscode.env.appName}, workspace ${workspaceRoot().toString()}`);
  });

  test('the workspace is not on a file: URI, and every .tcpseq file in it opens as tcpseq', async () => {
    assert.ok(workspaceRoot().scheme !== 'file', `workspace scheme ${workspaceRoot().scheme}`);
    const files = [...(await tcpseqFiles()), ...(await tcpseqFiles('mistakes'))];
    assert.ok(files.length >= 20, `the examples and mistakes are in the workspace: ${files.length} files`);
    for (const uri of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, 'tcpseq', baseName(uri));
    }
  });
});
