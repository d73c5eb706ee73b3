// Captures in the editor: the Open Capture command, the tcpdump paste edit and its quick fix.
import * as vscode from 'vscode';
import { openCapture, type OpenCaptureOptions } from './openCapture.ts';
import { TcpdumpCodeActionProvider, TcpdumpPasteProvider } from './pasteConvert.ts';

export function registerCapture(context: vscode.ExtensionContext): void {
  const selector: vscode.DocumentSelector = { language: 'tcpseq' };
  context.subscriptions.push(
    vscode.commands.registerCommand('tcpseq.openCapture', (arg?: unknown, options?: OpenCaptureOptions) => openCapture(arg, options)),
    vscode.languages.registerDocumentPasteEditProvider(selector, new TcpdumpPasteProvider(), TcpdumpPasteProvider.metadata),
    vscode.languages.registerCodeActionsProvider(selector, new TcpdumpCodeActionProvider(), TcpdumpCodeActionProvider.metadata),
  );
}
