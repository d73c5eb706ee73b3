// Save as SVG / PNG, copy or save the Mermaid source. Saved through the save dialog (which asks before
// replacing a file); tests may pass the target instead: a Uri, or { uri, overwrite?, lightBackground? }.
import * as vscode from 'vscode';
import { diagramOf } from '../../core/diagram/index.ts';
import { analysisOf, isTcpseq } from '../analysisCache.ts';
import type { PreviewManager } from './previewManager.ts';
import type { PreviewPanel } from './previewPanel.ts';

export type ExportFormat = 'svg' | 'png' | 'mermaid';
export interface ExportTarget { uri: vscode.Uri | string; overwrite?: boolean; lightBackground?: boolean }
export interface ExportResult { uri: string; bytes: number }

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
  mermaid: { 'Mermaid diagram': ['mmd', 'mermaid'] },
};
const EXTENSION: Record<ExportFormat, string> = { svg: 'svg', png: 'png', mermaid: 'mmd' };

function asTarget(arg: unknown): ExportTarget | undefined {
  if (arg instanceof vscode.Uri || typeof arg === 'string') return { uri: arg };
  if (arg && typeof arg === 'object' && 'uri' in arg) return arg as ExportTarget;
  return undefined;
}

const toUri = (u: vscode.Uri | string) => (typeof u === 'string' ? (/^[a-z][\w+.-]*:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u);

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
async function renderedPreview(manager: PreviewManager, document: vscode.TextDocument): Promise<PreviewPanel> {
  let p = manager.target();
  if (!p || p.source.toString() !== document.uri.toString()) p = manager.show(document.uri, true);
  if (!(await p.whenRendered())) throw new Error('the preview did not draw the diagram in time');
  return p;
}

export async function exportDiagram(manager: PreviewManager, format: ExportFormat, arg?: unknown): Promise<ExportResult | undefined> {
  try {
    const document = await sourceDocument(manager);
    if (!document) { void vscode.window.showWarningMessage('Open a .tcpseq file or its preview first.'); return undefined; }
    const given = asTarget(arg);
    const lightBackground = given?.lightBackground
      ?? (format === 'png' && vscode.workspace.getConfiguration('tcpseq.preview').get<boolean>('exportPngLightBackground', false));
    let target: vscode.Uri | undefined;
    if (given) {
      target = toUri(given.uri);
      if (!given.overwrite && (await exists(target))) {
        const replace = await vscode.window.showWarningMessage(`${target.fsPath} already exists. Replace it?`, { modal: true }, 'Replace');
        if (replace !== 'Replace') return undefined;
      }
    } else {
      const base = document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.' + EXTENSION[format] });
      target = await vscode.window.showSaveDialog({ defaultUri: base, filters: FILTERS[format], saveLabel: 'Save Diagram' });
      if (!target) return undefined;
    }
    let bytes: Uint8Array;
    if (format === 'mermaid') {
      bytes = new TextEncoder().encode(diagramOf(analysisOf(document), document.getText()).mermaid);
    } else {
      const preview = await renderedPreview(manager, document);
      const data = await preview.requestExport(format, lightBackground);
      bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    }
    await vscode.workspace.fs.writeFile(target, bytes);
    if (!given) {
      void vscode.window.showInformationMessage(`Saved ${target.path.split('/').pop()}`, 'Open').then((choice) => {
        if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
      });
    }
    return { uri: target.toString(), bytes: bytes.byteLength };
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not save the diagram: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** Copies the Mermaid source to the clipboard; returns it. */
export async function copyMermaid(manager: PreviewManager): Promise<string | undefined> {
  const document = await sourceDocument(manager);
  if (!document) { void vscode.window.showWarningMessage('Open a .tcpseq file or its preview first.'); return undefined; }
  const text = diagramOf(analysisOf(document), document.getText()).mermaid;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage('Mermaid source copied', 3000);
  return text;
}
