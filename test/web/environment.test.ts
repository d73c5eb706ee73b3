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
    const ms = performance.now() - t0;
    // load (fetch + evaluate dist/web/extension.js) and activate(), measured in the web worker
    say(`ACTIVATION ${ms.toFixed(1)} ms${wasActive ? ' (was already active: not a first activation)' : ''}`);
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
