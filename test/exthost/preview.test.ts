// The preview: the commands open a webview panel that draws the diagram (and redraws it after an edit),
// and the export commands write SVG, PNG and Mermaid files to the target they are given.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { closeAll, open, waitFor, workspaceRoot } from './helpers.ts';

const ROOT = workspaceRoot().fsPath;
const TEXTBOOK = join(ROOT, '01-handshake-teardown-textbook.tcpseq');

interface PreviewState {
  open: boolean; panels: number; sourceUri?: string; visible?: boolean; lastRenderedVersion?: number;
  diagramVersion?: number; documentVersion?: number; messageCount?: number; noteCount?: number; lastError?: string;
}
interface ExportResult { uri: string; bytes: number }

const previewState = (waitForRender = true) =>
  vscode.commands.executeCommand<PreviewState>('tcpseq.preview.state', { waitForRender, timeoutMs: 30_000 });

/** The webview tabs of the preview (the view type carries a prefix in the workbench). */
const previewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('tcpseq.preview'));

/** Arrows in a file: one per segment line (`->`, `-x`, `~>`). */
const segmentCount = (text: string) => text.split('\n').filter((l) => /^\s*\w+\s*(->|-x|~>)\s*\w+/.test(l)).length;

suite('preview', () => {
  const out = mkdtempSync(join(tmpdir(), 'tcpseq-exports-'));
  suiteTeardown(async () => {
    await closeAll();
    rmSync(out, { recursive: true, force: true });
  });

  test('Show Preview to the Side opens a panel that draws one arrow per segment', async () => {
    await closeAll();
    const { document } = await open(vscode.Uri.file(TEXTBOOK));
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    await waitFor('a preview tab', () => (previewTabs().length === 1 ? true : undefined));
    const tab = previewTabs()[0]!;
    assert.match(tab.label, /01-handshake-teardown-textbook/);
    const state = await previewState();
    assert.equal(state.open, true);
    assert.equal(state.sourceUri, document.uri.toString());
    assert.equal(state.diagramVersion, document.version, `drawn: ${JSON.stringify(state)}`);
    assert.equal(state.messageCount, segmentCount(document.getText()));
    assert.ok((state.noteCount ?? 0) > 8, 'notes for the states and the file\'s notes');
    assert.equal(state.lastError, undefined);
  });

  test('the preview redraws after an edit', async () => {
    const { document, editor } = await open(vscode.Uri.file(TEXTBOOK));
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    const before = await previewState();
    const last = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(last, '\nclient -> server: RST seq=u+2\n')));
    const version = document.version;
    const after = await waitFor('the diagram of the edited version', async () => {
      const s = await previewState();
      return s.diagramVersion === version ? s : undefined;
    });
    assert.equal(after.messageCount, (before.messageCount ?? 0) + 1, 'one more arrow');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Show Preview (same column) reuses the preview and a second command keeps one panel', async () => {
    await open(vscode.Uri.file(join(ROOT, '07-abort.tcpseq')));
    const state = await vscode.commands.executeCommand<PreviewState>('tcpseq.showPreview');
    assert.equal(state?.open, true);
    const drawn = await previewState();
    assert.match(drawn.sourceUri ?? '', /07-abort\.tcpseq$/);
    assert.equal(drawn.panels, 1);
    assert.equal(previewTabs().length, 1);
  });

  test('Export SVG, PNG and Mermaid write the files they are given', async () => {
    const { document } = await open(vscode.Uri.file(TEXTBOOK));
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    await previewState();
    const arrows = segmentCount(document.getText());

    const svgFile = join(out, 'diagram.svg');
    // a plain target Uri (a new file: no question asked), and { uri, overwrite } for the others
    const svg = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportSvg', vscode.Uri.file(svgFile));
    assert.ok(svg && svg.bytes > 1000, `SVG written: ${JSON.stringify(svg)}`);
    const svgText = readFileSync(svgFile, 'utf8');
    assert.match(svgText, /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    assert.match(svgText, /<\/svg>\s*$/);
    assert.equal((svgText.match(/class="[^"]*messageText/g) ?? []).length, arrows, 'one arrow label per segment');
    assert.ok(svgText.includes('SYN_SENT') && svgText.includes('TIME_WAIT'), 'the state names are in the notes');

    const pngFile = join(out, 'diagram.png');
    const png = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportPng', { uri: vscode.Uri.file(pngFile), overwrite: true });
    assert.ok(png && png.bytes > 1000, `PNG written: ${JSON.stringify(png)}`);
    const bytes = readFileSync(pngFile);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width > 200 && height > 200, `a real image: ${width}x${height}`);

    const mmdFile = join(out, 'diagram.mmd');
    const mmd = await vscode.commands.executeCommand<ExportResult>('tcpseq.exportMermaid', { uri: vscode.Uri.file(mmdFile), overwrite: true });
    assert.ok(mmd && mmd.bytes > 100);
    const text = document.getText();
    assert.equal(readFileSync(mmdFile, 'utf8'), diagramOf(analyze(text), text).mermaid, 'the Mermaid source of the file');
    assert.match(readFileSync(mmdFile, 'utf8'), /sequenceDiagram/);
  });

  test('v2: old duplicates (dashed), a crash and ESTABLISHED starts render in the preview', async () => {
    await closeAll();
    const text = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=100', 'A -> B: ACK seq=42 ack=79 len=60',
      'B -> A: ACK seq=79 ack=102 win=40', 'old B -> A: SYN seq=5', 'old B -x A: ACK seq=7 ack=9', 'A crash', ''].join('\n');
    const mermaid = diagramOf(analyze(text), text).mermaid;
    assert.match(mermaid, /p1-->>p0: old duplicate/);
    assert.match(mermaid, /p1--xp0: old duplicate/);
    const document = await vscode.workspace.openTextDocument({ language: 'tcpseq', content: text });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    const state = await waitFor('the diagram of the v2 file', async () => {
      const s = await previewState();
      return s.sourceUri === document.uri.toString() && s.diagramVersion === document.version ? s : undefined;
    });
    assert.equal(state.lastError, undefined, 'Mermaid draws the dashed arrows and the crash note');
    assert.equal(state.messageCount, 4, 'one arrow per segment, the old ones included');
    await closeAll();
  });

  test('Copy Mermaid returns (and copies) the Mermaid source', async () => {
    const { document } = await open(vscode.Uri.file(TEXTBOOK));
    const copied = await vscode.commands.executeCommand<string>('tcpseq.copyMermaid');
    const text = document.getText();
    assert.equal(copied, diagramOf(analyze(text), text).mermaid);
  });
});
