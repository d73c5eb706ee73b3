// Opening a capture in the browser: "Open Capture…" reads the pcapng file through vscode.workspace.fs from the
// workspace (not a file: URI) and opens the chosen connection as an untitled tcpseq document with its preview.
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, waitFor, workspaceRoot } from '../exthost/helpers.ts';
import * as assert from './assert.ts';

interface OpenCaptureResult { uri: string; connection: number; connections: number; text: string }
interface PreviewState { open: boolean; sourceUri?: string; messageCount?: number }

suite('captures in the browser', () => {
  suiteTeardown(closeAll);

  test('Open Capture reads a pcapng file of the workspace and opens a connection with its preview', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'captures', 'multi.pcapng');
    const r = await vscode.commands.executeCommand<OpenCaptureResult>('tcpseq.openCapture', file, { connection: 2 });
    assert.ok(r, 'the command returns what it opened');
    assert.deepEqual([r.connection, r.connections], [2, 3]);
    const doc = await waitFor('the untitled document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri));
    assert.equal(doc.languageId, 'tcpseq');
    assert.match(doc.getText(), /^# Imported from multi\.pcapng: connection 2 of 3/);
    await diagnosticsWhere(doc.uri, 'no error', (l) => !l.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const state = await vscode.commands.executeCommand<PreviewState>('tcpseq.preview.state', { waitForRender: true, timeoutMs: 30_000 });
    assert.equal(state.sourceUri, r.uri, 'the preview shows the imported document');
    assert.equal(state.messageCount, 11, 'one arrow per segment');
  });
});
