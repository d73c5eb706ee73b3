// Save as SVG / PNG, copy or save the Mermaid source. Saved through the save dialog (which asks before
// replacing a file); tests may pass the target instead: a Uri, or { uri, overwrite?, lightBackground? }.
import * as vscode from 'vscode';
import { diagramOf } from '../../core/diagram/index.ts';
import { analysisOf, isTcpseq } from '../analysisCache.ts';
import type { PreviewManager } from './previewManager.ts';
import type { PreviewPanel } from './previewPanel.ts';
import type { Localizer } from '../../core/i18n/format.ts';
import { currentLocalizer } from '../language/settings.ts';

export type ExportFormat = 'svg' | 'png' | 'mermaid';
export interface ExportTarget { uri: vscode.Uri | string; overwrite?: boolean; lightBackground?: boolean }
export interface ExportResult { uri: string; bytes: number }

function filters(l: Localizer, format: ExportFormat): Record<string, string[]> {
  switch (format) {
    case 'svg': return { [l.t('extension.export.filterSvg')]: ['svg'] };
    case 'png': return { [l.t('extension.export.filterPng')]: ['png'] };
    case 'mermaid': return { [l.t('extension.export.filterMermaid')]: ['mmd', 'mermaid'] };
  }
}
const EXTENSION: Record<ExportFormat, string> = { svg: 'svg', png: 'png', mermaid: 'mmd' };

function asTarget(arg: unknown): ExportTarget | undefined {
  if (arg instanceof vscode.Uri || typeof arg === 'string') return { uri: arg };
  if (arg && typeof arg === 'object' && 'uri' in arg) return arg as ExportTarget;
  return undefined;
}

/**
 * A target given as text: a URI, or a path in the workspace's own file system (vscode-remote:, vscode-vfs:,
 * vscode-test-web: in the browser; file: on the desktop), never assumed to be on file:.
 */
function toUri(u: vscode.Uri | string): vscode.Uri {
  if (typeof u !== 'string') return u;
  if (/^[a-z][\w+.-]+:/i.test(u)) return vscode.Uri.parse(u);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && folder.scheme !== 'file' ? folder.with({ path: u.startsWith('/') ? u : vscode.Uri.joinPath(folder, u).path }) : vscode.Uri.file(u);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** The source document the command is about: the preview's, or the active tcpseq editor's. */
async function sourceDocument(manager: PreviewManager): Promise<vscode.TextDocument | undefined> {
  const p = manager.target();
  if (p) return vscode.workspace.openTextDocument(p.source);
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isTcpseq(doc) ? doc : undefined;
}

/** A preview of the document with its current version drawn (opened beside the editor if there is none). */
async function renderedPreview(manager: PreviewManager, document: vscode.TextDocument, l: Localizer): Promise<PreviewPanel> {
  let p = manager.target();
  if (!p || p.source.toString() !== document.uri.toString()) p = manager.show(document.uri, true);
  if (!(await p.whenRendered())) throw new Error(l.t('extension.export.notDrawn'));
  return p;
}

export async function exportDiagram(manager: PreviewManager, format: ExportFormat, arg?: unknown): Promise<ExportResult | undefined> {
  const l = currentLocalizer();
  try {
    const document = await sourceDocument(manager);
    if (!document) { void vscode.window.showWarningMessage(l.t('extension.export.noSource')); return undefined; }
    const given = asTarget(arg);
    const lightBackground = given?.lightBackground
      ?? (format === 'png' && vscode.workspace.getConfiguration('tcpseq.preview').get<boolean>('exportPngLightBackground', false));
    let target: vscode.Uri | undefined;
    if (given) {
      target = toUri(given.uri);
      if (!given.overwrite && (await exists(target))) {
        const replaceLabel = l.t('extension.export.replace');
        const path = target.scheme === 'file' ? target.fsPath : target.toString(true);
        const replace = await vscode.window.showWarningMessage(l.t('extension.export.exists', { path }), { modal: true }, replaceLabel);
        if (replace !== replaceLabel) return undefined;
      }
    } else {
      const base = document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.' + EXTENSION[format] });
      target = await vscode.window.showSaveDialog({ defaultUri: base, filters: filters(l, format), saveLabel: l.t('extension.export.saveLabel') });
      if (!target) return undefined;
    }
    let bytes: Uint8Array;
    if (format === 'mermaid') {
      bytes = new TextEncoder().encode(diagramOf(analysisOf(document), document.getText(), undefined, l.lang).mermaid);
    } else {
      const preview = await renderedPreview(manager, document, l);
      const data = await preview.requestExport(format, lightBackground);
      bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    }
    await vscode.workspace.fs.writeFile(target, bytes);
    if (!given) {
      const openLabel = l.t('extension.export.open');
      void vscode.window.showInformationMessage(l.t('extension.export.saved', { name: target.path.split('/').pop() ?? '' }), openLabel).then((choice) => {
        if (choice === openLabel) void vscode.commands.executeCommand('vscode.open', target);
      });
    }
    return { uri: target.toString(), bytes: bytes.byteLength };
  } catch (e) {
    void vscode.window.showErrorMessage(l.t('extension.export.failed', { error: e instanceof Error ? e.message : String(e) }));
    return undefined;
  }
}

/** Copies the Mermaid source to the clipboard; returns it. */
export async function copyMermaid(manager: PreviewManager): Promise<string | undefined> {
  const l = currentLocalizer();
  const document = await sourceDocument(manager);
  if (!document) { void vscode.window.showWarningMessage(l.t('extension.export.noSource')); return undefined; }
  const text = diagramOf(analysisOf(document), document.getText(), undefined, l.lang).mermaid;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(l.t('extension.export.copied'), 3000);
  return text;
}
