// One preview panel: the webview, the document it shows, and the messages between them.
import * as vscode from 'vscode';
import { diagramOf } from '../../core/diagram/index.ts';
import { analysisOf } from '../analysisCache.ts';
import { metaOf, SYNTAX_CODES, type HostToWebview, type UpdateMessage, type WebviewToHost } from '../../webview/protocol.ts';
import { newNonce, previewHtml } from './html.ts';
import { formatText } from '../../core/i18n/format.ts';
import type { Lang } from '../../core/i18n/types.ts';
import { currentLang, currentLocalizer } from '../language/settings.ts';

/** Typing pauses this long before the diagram is redrawn. */
export const DEBOUNCE_MS = 120;
const EXPORT_TIMEOUT_MS = 30_000;

export interface PreviewStatus {
  sourceUri: string;
  locked: boolean;
  visible: boolean;
  /** The newest document version the webview has handled (drawn, or checked and the last good one kept). */
  lastRenderedVersion: number;
  /** The document version of the diagram on screen. */
  diagramVersion: number;
  documentVersion: number;
  messageCount: number;
  noteCount: number;
  lastRenderMs: number;
  lastError?: string;
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private status: Omit<PreviewStatus, 'sourceUri' | 'locked' | 'visible' | 'documentVersion'> = {
    lastRenderedVersion: -1, diagramVersion: -1, messageCount: 0, noteCount: 0, lastRenderMs: 0,
  };
  private readonly exports = new Map<number, { resolve: (data: string) => void; reject: (e: Error) => void }>();
  private nextExportId = 1;
  private readonly renderWaiters: (() => void)[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    public source: vscode.Uri,
    public locked: boolean,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(media, 'tcpseq-file.svg');
    const l = currentLocalizer(source);
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      nonce: newNonce(),
      title: l.t('extension.preview.pageTitle'),
      lang: l.lang,
    });
    this.retitle();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: WebviewToHost) => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get documentVersion(): number {
    return this.document()?.version ?? -1;
  }

  statusReport(): PreviewStatus {
    return {
      sourceUri: this.source.toString(), locked: this.locked, visible: this.panel.visible,
      documentVersion: this.documentVersion, ...this.status,
    };
  }

  /** Shows another file (a preview that follows the active editor). */
  retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.source.toString()) return;
    this.source = uri;
    this.retitle();
    void this.update(true);
  }

  /** tcpseq.language changed: a new title, and the page relabels itself with the next update. */
  relabel(): void {
    this.retitle();
    void this.update(true);
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.retitle();
    void this.update(true);
  }

  /** Redraws now, or after the debounce pause when `immediate` is false. */
  async update(immediate: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!immediate) { this.timer = setTimeout(() => void this.update(true), DEBOUNCE_MS); return; }
    if (!this.ready) return; // the webview asks when it is ready
    const document = this.document() ?? (await this.open());
    if (!document) return;
    this.post(updateFor(document, this.locked));
  }

  highlight(line: number): void {
    if (this.ready) this.post({ type: 'highlight', line });
  }

  /** The diagram as SVG text or a base64 PNG, drawn by the webview. */
  requestExport(format: 'svg' | 'png', lightBackground: boolean): Promise<string> {
    const requestId = this.nextExportId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => { this.exports.delete(requestId); reject(new Error(currentLocalizer(this.source).t('extension.preview.noAnswer'))); }, EXPORT_TIMEOUT_MS);
      this.exports.set(requestId, {
        resolve: (d) => { clearTimeout(timer); resolve(d); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.post({ type: 'export', requestId, format, lightBackground });
    });
  }

  /** Resolves once a diagram of the document's current version is on screen (or the time is up). */
  async whenRendered(timeoutMs = 20_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.status.diagramVersion >= 0 && this.status.lastRenderedVersion === this.documentVersion) return true;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.renderWaiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
    return false;
  }

  private receive(m: WebviewToHost): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        void this.update(true);
        break;
      case 'rendered':
        this.status = {
          lastRenderedVersion: m.version, diagramVersion: m.diagramVersion, messageCount: m.messageCount,
          noteCount: m.noteCount, lastRenderMs: m.renderMs,
        };
        for (const w of this.renderWaiters.splice(0)) w();
        break;
      case 'renderError':
        this.status.lastError = m.message;
        this.status.lastRenderedVersion = m.version;
        for (const w of this.renderWaiters.splice(0)) w();
        break;
      case 'reveal': void this.reveal(m.line); break;
      case 'exported': {
        const waiting = this.exports.get(m.requestId);
        this.exports.delete(m.requestId);
        if (m.data !== undefined) waiting?.resolve(m.data);
        else waiting?.reject(new Error(m.error ?? currentLocalizer(this.source).t('extension.preview.exportFailed')));
        break;
      }
      default: break;
    }
  }

  /** Reveals a line in the editor that shows the source (or opens one beside the preview). */
  private async reveal(line: number): Promise<void> {
    const document = this.document() ?? (await this.open());
    if (!document) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const column = shown?.viewColumn
      ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const at = Math.min(Math.max(0, line), document.lineCount - 1);
    const range = new vscode.Range(at, 0, at, document.lineAt(at).text.length);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private document(): vscode.TextDocument | undefined {
    const key = this.source.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  private async open(): Promise<vscode.TextDocument | undefined> {
    try {
      return await vscode.workspace.openTextDocument(this.source);
    } catch (e) {
      this.status.lastError = currentLocalizer(this.source).t('extension.preview.cannotOpen', { uri: this.source.toString(), error: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  private retitle(): void {
    const name = this.source.path.split('/').pop() ?? 'tcpseq';
    this.panel.title = currentLocalizer(this.source).t(this.locked ? 'extension.preview.titleLocked' : 'extension.preview.title', { name });
  }

  private post(message: HostToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const [, w] of this.exports) w.reject(new Error(currentLocalizer(this.source).t('extension.preview.closed')));
    this.exports.clear();
    for (const w of this.renderWaiters.splice(0)) w();
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.panel.dispose();
  }
}

/** Arrows drawn in the preview at most: Mermaid needs about 2 s for 300, so more would only freeze the page. */
export const PREVIEW_MAX_MESSAGES = 1000;

/** The update message for a document: Mermaid text, per-arrow and per-note data, syntax errors, in `lang`. */
export function updateFor(document: vscode.TextDocument, locked: boolean, lang: Lang = currentLang(document.uri)): UpdateMessage {
  const analysis = analysisOf(document);
  const text = document.getText();
  const { model, mermaid } = diagramOf(analysis, text, PREVIEW_MAX_MESSAGES, lang);
  return {
    type: 'update',
    sourceUri: document.uri.toString(),
    fileName: document.uri.path.split('/').pop() ?? '',
    version: document.version,
    locked,
    lang,
    mermaid,
    ...metaOf(model, lang),
    syntaxErrors: analysis.diagnostics
      .filter((d) => d.severity === 'error' && SYNTAX_CODES.has(d.code))
      .map((d) => ({ line: d.range.start.line, message: formatText(lang, d.text) })),
  };
}
