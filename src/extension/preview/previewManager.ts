// The open previews: the one that follows the active tcpseq editor, and those locked to a file.
import * as vscode from 'vscode';
import { isTcpseq } from '../analysisCache.ts';
import { VIEW_TYPE, type PreviewPersistedState } from '../../webview/protocol.ts';
import { PreviewPanel, type PreviewStatus } from './previewPanel.ts';
import { currentLocalizer, onLanguageChange } from '../language/settings.ts';

export interface PreviewState extends Partial<PreviewStatus> {
  open: boolean;
  panels: number;
}

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Set<PreviewPanel>();
  /** The preview the user looked at last (for lock toggling, exports and the state command). */
  private current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isTcpseq(editor.document)) return;
        for (const p of this.panels) if (!p.locked) p.retarget(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isTcpseq(e.document) || !e.contentChanges.length) return;
        for (const p of this.matching(e.document.uri)) void p.update(false);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!isTcpseq(e.textEditor.document)) return;
        for (const p of this.matching(e.textEditor.document.uri)) p.highlight(e.selections[0]!.active.line);
      }),
      onLanguageChange(() => { for (const p of this.panels) p.relabel(); }),
    );
  }

  /** Opens (or reveals) a preview of `uri`. The unlocked preview is reused and retargeted. */
  show(uri: vscode.Uri, toSide: boolean): PreviewPanel {
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One);
    const existing = [...this.panels].find((p) => p.source.toString() === uri.toString())
      ?? [...this.panels].find((p) => !p.locked);
    if (existing) {
      existing.retarget(uri);
      existing.panel.reveal(toSide ? existing.panel.viewColumn : column, toSide);
      this.current = existing;
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, currentLocalizer(uri).t('extension.preview.panelTitle'), { viewColumn: column, preserveFocus: toSide }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      retainContextWhenHidden: false,
    });
    return this.adopt(panel, uri, false);
  }

  /** A panel VS Code restored after a reload, with the state the webview saved. */
  restore(panel: vscode.WebviewPanel, state: PreviewPersistedState | undefined): void {
    let uri: vscode.Uri | undefined;
    try { uri = state?.sourceUri ? vscode.Uri.parse(state.sourceUri, true) : undefined; } catch { uri = undefined; }
    uri ??= vscode.window.activeTextEditor && isTcpseq(vscode.window.activeTextEditor.document)
      ? vscode.window.activeTextEditor.document.uri : undefined;
    if (!uri) { panel.dispose(); return; }
    this.adopt(panel, uri, state?.locked ?? false);
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean): PreviewPanel {
    const preview = new PreviewPanel(panel, this.extensionUri, uri, locked);
    this.panels.add(preview);
    this.current = preview;
    preview.onDidDispose(() => {
      this.panels.delete(preview);
      if (this.current === preview) this.current = [...this.panels].at(-1);
    });
    panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) this.current = preview; });
    return preview;
  }

  /** The preview a command should act on: the active one, else one of the active editor's file, else the last. */
  target(): PreviewPanel | undefined {
    const active = [...this.panels].find((p) => p.panel.active);
    if (active) return active;
    const doc = vscode.window.activeTextEditor?.document;
    const ofDoc = doc ? this.matching(doc.uri)[0] : undefined;
    return ofDoc ?? this.current;
  }

  toggleLock(): PreviewState {
    const p = this.target();
    p?.setLocked(!p.locked);
    return this.state();
  }

  state(): PreviewState {
    const p = this.target();
    return p ? { open: true, panels: this.panels.size, ...p.statusReport() } : { open: false, panels: this.panels.size };
  }

  private matching(uri: vscode.Uri): PreviewPanel[] {
    const key = uri.toString();
    return [...this.panels].filter((p) => p.source.toString() === key);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
