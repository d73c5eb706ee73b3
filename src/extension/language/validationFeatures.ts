// The editor features built on the validator: diagnostics, completion, hover, quick fixes, state hints,
// status bar. Each lives in its own file; this registers them for the tcpseq language.
import * as vscode from 'vscode';
import { TcpseqCodeActionProvider } from './codeActions.ts';
import { COMPLETION_TRIGGERS, TcpseqCompletionProvider } from './completion.ts';
import { registerDiagnostics } from './diagnostics.ts';
import { TcpseqHoverProvider } from './hover.ts';
import { registerImeHover } from './imeHover.ts';
import { TcpseqInlayHintsProvider } from './inlayHints.ts';
import { registerStatusBar } from './statusBar.ts';

/** Every tcpseq document: files, untitled editors, virtual workspaces. */
export const TCPSEQ_SELECTOR: vscode.DocumentSelector = { language: 'tcpseq' };

export function registerValidationFeatures(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
  const inlayHints = new TcpseqInlayHintsProvider();
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(TCPSEQ_SELECTOR, new TcpseqCompletionProvider(), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(TCPSEQ_SELECTOR, new TcpseqHoverProvider()),
    vscode.languages.registerCodeActionsProvider(TCPSEQ_SELECTOR, new TcpseqCodeActionProvider(), TcpseqCodeActionProvider.metadata),
    inlayHints,
    vscode.languages.registerInlayHintsProvider(TCPSEQ_SELECTOR, inlayHints),
  );
  registerStatusBar(context);
  registerImeHover(context);
}
