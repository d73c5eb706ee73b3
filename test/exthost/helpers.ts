// Helpers for the extension-host tests: the workspace's files, waiting on conditions (never fixed sleeps),
// and the `# expect: LINE CODE` comments of the mistake files.
import * as vscode from 'vscode';

export const TIMEOUT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the examples folder open as the workspace');
  return folder.uri;
}

/** The .tcpseq files of a folder of the workspace ('' = the root, 'mistakes'), sorted by name. */
export async function tcpseqFiles(sub = ''): Promise<vscode.Uri[]> {
  const dir = sub ? vscode.Uri.joinPath(workspaceRoot(), sub) : workspaceRoot();
  const entries = await vscode.workspace.fs.readDirectory(dir);
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.tcpseq'))
    .map(([name]) => name)
    .sort()
    .map((name) => vscode.Uri.joinPath(dir, name));
}

export const baseName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

/** Polls `probe` until it returns something other than undefined; fails with `what` after the timeout. */
export async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves on the next diagnostics change of `uri` for which `accept` holds (checked at once, too). */
export function diagnosticsWhere(uri: vscode.Uri, what: string, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = () => vscode.languages.getDiagnostics(uri);
    if (accept(current())) { resolve(current()); return; }
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${baseName(uri)}: ${what}; now:\n${listing(current())}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (!accept(current())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(current());
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

const SEVERITY_NAME = ['error', 'warning', 'info', 'hint'];
export const severityName = (d: vscode.Diagnostic) => SEVERITY_NAME[d.severity] ?? String(d.severity);

export function listing(list: readonly vscode.Diagnostic[]): string {
  if (!list.length) return '  (none)';
  return list.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${codeOf(d)}: ${d.message}`).join('\n');
}

/** `LINE code` (1-based) of each error and warning. */
export function problemKeys(list: readonly vscode.Diagnostic[]): string[] {
  return list
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning)
    .map((d) => `${d.range.start.line + 1} ${codeOf(d)}`)
    .sort();
}

/** The `# expect: LINE CODE` comments of a mistake file, as `LINE code`, sorted. */
export function expectedKeys(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*#\s*expect:\s*(\d+)\s+([a-z-]+)\s*$/.exec(line);
    if (m) out.push(`${m[1]} ${m[2]}`);
  }
  return out.sort();
}

export async function open(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { document, editor };
}

/** An untitled tcpseq document with `text` (edited freely, never saved). */
export async function untitled(text: string, show = false): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'tcpseq', content: text });
  if (show) await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Closes every editor without saving (untitled documents are reverted). */
export async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (d.isDirty) {
      await vscode.window.showTextDocument(d, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The text of a hover's contents, joined. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

export function label(item: vscode.CompletionItem | vscode.InlayHint): string {
  const l = item.label;
  if (typeof l === 'string') return l;
  if (Array.isArray(l)) return l.map((p) => p.value).join('');
  return (l as vscode.CompletionItemLabel).label;
}
