// Captures in the real editor: "TCP Sequence: Open Capture…" on real loopback captures (the connection
// given, or chosen in the QuickPick), the preview beside the untitled result, the tcpdump paste edit and
// the quick fix "Convert tcpdump output to tcpseq".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { TcpdumpPasteProvider } from '../../src/extension/capture/pasteConvert.ts';
import { closeAll, diagnosticsWhere, listing, untitled, waitFor } from './helpers.ts';

// the repository's fixtures, from the compiled test file (out/test/exthost/capture.test.js)
const CAPTURES = vscode.Uri.file(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'captures'));
const capture = (name: string) => vscode.Uri.joinPath(CAPTURES, name);

interface OpenCaptureResult { uri: string; connection: number; connections: number; text: string }
interface PreviewState { open: boolean; sourceUri?: string; messageCount?: number; diagramVersion?: number }

function plain(text: string): vscode.DataTransfer {
  const d = new vscode.DataTransfer();
  d.set('text/plain', new vscode.DataTransferItem(text));
  return d;
}

const serious = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.severity <= vscode.DiagnosticSeverity.Warning);

suite('Captures: Open Capture and tcpdump paste', () => {
  teardown(closeAll);

  test('Open Capture with a connection number opens it as an untitled tcpseq editor, checked clean, with the preview beside it', async () => {
    const r = await vscode.commands.executeCommand<OpenCaptureResult>('tcpseq.openCapture', capture('multi.pcapng'), { connection: 2 });
    assert.ok(r, 'the command returns what it opened');
    assert.deepEqual([r.connection, r.connections], [2, 3]);
    const doc = await waitFor('the untitled document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri));
    assert.equal(doc.languageId, 'tcpseq');
    assert.equal(doc.uri.scheme, 'untitled');
    assert.match(doc.getText(), /^# Imported from multi\.pcapng: connection 2 of 3/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), r.uri);
    await diagnosticsWhere(doc.uri, 'the analysis ran', () => true);
    assert.deepEqual(serious(vscode.languages.getDiagnostics(doc.uri)), [], listing(vscode.languages.getDiagnostics(doc.uri)));
    const state = await vscode.commands.executeCommand<PreviewState>('tcpseq.preview.state', { waitForRender: true, timeoutMs: 30_000 });
    assert.equal(state.open, true);
    assert.equal(state.sourceUri, r.uri, 'the preview shows the imported document');
    assert.equal(state.messageCount, 11, 'one arrow per segment');
    const beside = vscode.window.tabGroups.all.length;
    assert.ok(beside >= 2, 'the preview opens in a second editor group');
  });

  test('with several connections and none given, the QuickPick asks; accepting its first entry opens connection 1', async () => {
    let done = false;
    const pending = vscode.commands.executeCommand<OpenCaptureResult>('tcpseq.openCapture', capture('reuse.pcap'), { preview: false });
    void pending.then(() => { done = true; });
    await waitFor('the QuickPick to be accepted', async () => {
      if (done) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
      return done ? true : undefined;
    });
    const r = await pending;
    assert.deepEqual([r.connection, r.connections], [1, 2]);
    assert.match(r.text, /^server -> client: RST\+ACK seq=y\+1 ack=x\+10 /m, 'connection 1 of reuse.pcap ends with the abort');
  });

  test('a damaged capture opens what was read before the damage; a file that is no capture opens nothing', async () => {
    const dir = vscode.Uri.joinPath(CAPTURES, 'odd');
    const r = await vscode.commands.executeCommand<OpenCaptureResult>('tcpseq.openCapture', vscode.Uri.joinPath(dir, 'truncated.pcap'), { preview: false });
    assert.ok(r);
    assert.match(r.text, /^client -> server: SYN seq=x /m);
    const none = await vscode.commands.executeCommand<OpenCaptureResult | undefined>('tcpseq.openCapture', vscode.Uri.joinPath(CAPTURES, '..', '..', '..', 'package.json'), { preview: false });
    assert.equal(none, undefined);
  });

  test('the quick fix "Convert tcpdump output to tcpseq" turns pasted tcpdump lines into a clean tcpseq exchange', async () => {
    const tcpdump = readFileSync(join(CAPTURES.fsPath, 'halfclose.txt'), 'utf8');
    const doc = await untitled(tcpdump, true);
    await diagnosticsWhere(doc.uri, 'findings on the raw tcpdump lines', (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(2, 0, 2, 5), vscode.CodeActionKind.QuickFix.value);
    const convert = actions.find((a) => a.title === 'Convert tcpdump output to tcpseq');
    assert.ok(convert?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.match(doc.getText(), /^# Imported from pasted tcpdump output: connection 1 of 1/);
    assert.match(doc.getText(), /^server -> client: PSH\+ACK seq=y\+1 ack=x\+11 len=33 win=65536 /m);
    await diagnosticsWhere(doc.uri, 'no error or warning after the conversion', (d) => serious(d).length === 0);
  });

  test('pasting tcpdump lines: the paste edit "Convert tcpdump output" carries the converted text, which checks clean', async () => {
    const tcpdump = readFileSync(join(CAPTURES.fsPath, 'abort.txt'), 'utf8');
    const doc = await untitled('', true);
    // VS Code offers no command that runs paste providers; the provider the extension registers is called
    // here with a real DataTransfer, as the editor calls it on paste (Paste As needs the browser clipboard).
    const provider = new TcpdumpPasteProvider();
    const data = new vscode.DataTransfer();
    data.set('text/plain', new vscode.DataTransferItem(tcpdump));
    const source = new vscode.CancellationTokenSource();
    const edits = await provider.provideDocumentPasteEdits(doc, [new vscode.Range(0, 0, 0, 0)], data, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, source.token);
    assert.equal(edits?.length, 1);
    assert.equal(edits![0].title, 'Convert tcpdump output');
    assert.equal(edits![0].kind.value, 'text.tcpseq.tcpdump');
    const text = String(edits![0].insertText);
    const noEdit = await provider.provideDocumentPasteEdits(doc, [new vscode.Range(0, 0, 0, 0)], plain('client -> server: SYN seq=x'), { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, source.token);
    assert.equal(noEdit, undefined, 'nothing is offered for text that is not tcpdump output');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(doc.getText(), /^server -> client: RST\+ACK seq=y\+1 ack=x\+14 /m);
    await diagnosticsWhere(doc.uri, 'no error or warning', (d) => serious(d).length === 0);
  });
});
