// The live preview: commands, the panel serializer (restored after a reload) and the export commands.
import * as vscode from 'vscode';
import { isTcpseq } from '../analysisCache.ts';
import { VIEW_TYPE, type PreviewPersistedState } from '../../webview/protocol.ts';
import { copyMermaid, exportDiagram } from './exportCommands.ts';
import { PreviewManager, type PreviewState } from './previewManager.ts';
import { currentLocalizer } from '../language/settings.ts';

export function registerPreview(context: vscode.ExtensionContext): void {
  const manager = new PreviewManager(context.extensionUri);
  context.subscriptions.push(manager);

  /** The file to preview: the command's argument (explorer, editor title), or the active tcpseq editor. */
  const sourceOf = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isTcpseq(doc)) return doc.uri;
    return manager.target()?.source;
  };
  const open = (toSide: boolean) => (arg?: unknown): PreviewState | undefined => {
    const uri = sourceOf(arg);
    if (!uri) { void vscode.window.showInformationMessage(currentLocalizer().t('extension.preview.noFile')); return undefined; }
    manager.show(uri, toSide);
    return manager.state();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('tcpseq.showPreview', open(false)),
    vscode.commands.registerCommand('tcpseq.showPreviewToSide', open(true)),
    vscode.commands.registerCommand('tcpseq.togglePreviewLock', () => manager.toggleLock()),
    vscode.commands.registerCommand('tcpseq.exportSvg', (arg?: unknown) => exportDiagram(manager, 'svg', arg)),
    vscode.commands.registerCommand('tcpseq.exportPng', (arg?: unknown) => exportDiagram(manager, 'png', arg)),
    vscode.commands.registerCommand('tcpseq.exportMermaid', (arg?: unknown) => exportDiagram(manager, 'mermaid', arg)),
    vscode.commands.registerCommand('tcpseq.copyMermaid', () => copyMermaid(manager)),
    /** For tests: what the preview shows, and when it is drawn (`{ waitForRender: true }` waits for it). */
    vscode.commands.registerCommand('tcpseq.preview.state', async (options?: { waitForRender?: boolean; timeoutMs?: number }) => {
      if (options?.waitForRender) await manager.target()?.whenRendered(options.timeoutMs);
      return manager.state();
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        manager.restore(panel, state as PreviewPersistedState | undefined);
      },
    }),
  );
}
