// State hints at the end of each event line (`client: SYN_SENT · server: SYN_RECEIVED`).
import * as vscode from 'vscode';
import { stateHints } from '../../core/editor/inlayHints.ts';
import { analysisOf } from '../analysisCache.ts';
import { onSettingsChange, readSettings } from './settings.ts';

export class TcpseqInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly listener = onSettingsChange(() => this.changed.fire());

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const settings = readSettings(document.uri);
    if (!settings.inlayHints) return [];
    return stateHints(analysisOf(document), range.start.line, range.end.line, settings.lang).map((h) => {
      const hint = new vscode.InlayHint(new vscode.Position(h.position.line, h.position.character), h.label);
      hint.paddingLeft = true;
      hint.tooltip = new vscode.MarkdownString(h.tooltip);
      return hint;
    });
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
