// The extension activates for .tcpseq files, which get the language id `tcpseq`.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { baseName, closeAll, open, tcpseqFiles, waitFor } from './helpers.ts';

suite('language', () => {
  teardown(closeAll);

  test('every .tcpseq file of the examples opens with the language id tcpseq', async () => {
    const files = [...(await tcpseqFiles()), ...(await tcpseqFiles('mistakes'))];
    assert.ok(files.length >= 20, `expected the examples and mistakes in the workspace, found ${files.length} files`);
    for (const uri of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, 'tcpseq', baseName(uri));
    }
  });

  test('opening a .tcpseq file activates the extension', async () => {
    const [first] = await tcpseqFiles();
    await open(first!);
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'tcpseq');
    assert.ok(ext, 'the tcpseq extension is loaded');
    await waitFor('the extension to be active', () => (ext.isActive ? true : undefined));
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('tcpseq'));
  });
});
