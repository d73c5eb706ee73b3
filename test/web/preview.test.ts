// The preview in the browser: the webview draws the diagram, and the exports write through
// vscode.workspace.fs into the workspace, whose URI is not a file: one (vscode-remote:, vscode-test-web:).
// The last test leaves the textbook's preview open: the runner then looks inside the webview for its SVG.
import * as vscode from 'vscode';
import { closeAll, open, waitFor, workspaceRoot } from '../exthost/helpers.ts';
import * as assert from './assert.ts';

interface PreviewState { open: boolean; panels: number; sourceUri?: string; diagramVersion?: number; messageCount?: number; lastError?: string }
interface ExportResult { uri: string; bytes: number }

const say = (s: string) => console.log(`[tcpseq-web] ${s}`);
const textbook = () => vscode.Uri.joinPath(workspaceRoot(), '01-handshake-teardown-textbook.tcpseq');
const previewState = () => vscode.commands.executeCommand<PreviewState>('tcpseq.preview.state', { waitForRender: true, timeoutMs: 30_000 });
/** Arrows in a file: one per segment line (`->`, `-x`, `~>`). */
const segmentCount = (text: string) => text.split('\n').filter((l) => /^\s*\w+\s*(->|-x|~>)\s*\w+/.test(l)).length;
const exported = (name: string) => vscode.Uri.joinPath(workspaceRoot(), 'web-exports', name);

async function bytesOf(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

suite('preview in the browser', () => {
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'web-exports'), { recursive: true }).then(undefined, () => undefined);
  });

  test('Open Preview to the Side draws one arrow per segment', async () => {
    await closeAll();
    const { document } = await open(textbook());
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    const state = await previewState();
    assert.equal(state.open, true);
    assert.equal(state.sourceUri, document.uri.toString());
    assert.equal(state.diagramVersion, document.version, `drawn: ${JSON.stringify(state)}`);
    assert.equal(state.messageCount, segmentCount(document.getText()));
    assert.equal(state.lastError, undefined);
  });

  test('the preview redraws after an edit', async () => {
    const { document, editor } = await open(textbook());
    const before = await previewState();
    assert.ok(await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, '\nclient -> server: RST seq=u+2\n')));
    const version = document.version;
    const after = await waitFor('the diagram of the edited version', async () => {
      const s = await previewState();
      return s.diagramVersion === version ? s : undefined;
    });
    assert.equal(after.messageCount, (before.messageCount ?? 0) + 1, 'one more arrow');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('SVG, PNG and Mermaid exports are written into the workspace through workspace.fs', async () => {
    const { document } = await open(textbook());
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    await previewState();
    assert.ok(workspaceRoot().scheme !== 'file', `exports go to a ${workspaceRoot().scheme}: URI`);

    const svg = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportSvg', { uri: exported('diagram.svg'), overwrite: true });
    assert.ok(svg && svg.bytes > 1000, `SVG written: ${JSON.stringify(svg)}`);
    assert.equal(svg.uri, exported('diagram.svg').toString());
    const svgText = new TextDecoder().decode(await bytesOf(exported('diagram.svg')));
    assert.match(svgText, /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    assert.equal((svgText.match(/class="[^"]*messageText/g) ?? []).length, segmentCount(document.getText()), 'one arrow label per segment');

    const png = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportPng', { uri: exported('diagram.png'), overwrite: true });
    assert.ok(png && png.bytes > 1000, `PNG written: ${JSON.stringify(png)}`);
    const pngBytes = await bytesOf(exported('diagram.png'));
    assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const width = new DataView(pngBytes.buffer, pngBytes.byteOffset).getUint32(16);
    assert.ok(width > 200, `a real image, ${width} px wide`);

    const mmd = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportMermaid', { uri: exported('diagram.mmd'), overwrite: true });
    assert.ok(mmd && mmd.bytes > 100);
    const copied = await vscode.commands.executeCommand<string>('tcpseq.copyMermaid');
    assert.equal(new TextDecoder().decode(await bytesOf(exported('diagram.mmd'))), copied, 'the saved and the copied Mermaid source agree');
    assert.match(copied, /sequenceDiagram/);
  });

  test('an export target given as a path (no scheme) lands in the workspace\'s file system, not on file:', async () => {
    await open(textbook());
    const target = exported('by-path.mmd');
    const result = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportMermaid', { uri: target.path, overwrite: true });
    assert.equal(result?.uri, target.toString());
    assert.ok((await bytesOf(target)).byteLength > 100);
  });

  test('leaves the textbook\'s preview open for the runner (PREVIEW-ARROWS)', async () => {
    await closeAll();
    const { document } = await open(textbook());
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    const state = await previewState();
    assert.equal(state.diagramVersion, document.version);
    say(`PREVIEW-ARROWS ${state.messageCount}`);
  });
});
