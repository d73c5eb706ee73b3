// Diagnostics as you type: on open at once, on change after a pause (debounced), cleared on close.
// A result is published only for the document version it was computed from, never over a newer one.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Severity } from '../../core/index.ts';
import { analysisOf, isTcpseq, toVsRange } from '../analysisCache.ts';
import { formatText } from '../../core/i18n/format.ts';
import type { Lang } from '../../core/i18n/types.ts';
import { onSettingsChange, readSettings } from './settings.ts';

/** Each code has a heading in the README's reference whose anchor is the code itself. */
export const CODE_REFERENCE = 'https://github.com/tcpseq/tcpseq/blob/main/README.md#';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Copies of a file shown by source control (the old side of a diff) get no diagnostics of their own. */
const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'conflictResolution']);

function shouldValidate(document: vscode.TextDocument): boolean {
  return isTcpseq(document) && !SKIPPED_SCHEMES.has(document.uri.scheme);
}

/** A core diagnostic as VS Code shows it, its message and related information in `lang` (tcpseq.language). */
export function toVsDiagnostic(d: CoreDiagnostic, uri: vscode.Uri, lang: Lang = 'en'): vscode.Diagnostic {
  const v = new vscode.Diagnostic(toVsRange(d.range), d.text ? formatText(lang, d.text) : d.message, SEVERITY[d.severity]);
  v.source = 'tcpseq';
  v.code = { value: d.code, target: vscode.Uri.parse(CODE_REFERENCE + d.code) };
  if (d.related?.length) {
    v.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toVsRange(r.range)), r.text ? formatText(lang, r.text) : r.message));
  }
  return v;
}

/** The code of a diagnostic this extension published (`wrong-seq`), or undefined. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== 'tcpseq' || d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The editor shows at most this many findings per file (the CLI reports them all). */
const MAX_DIAGNOSTICS = 2000;

/**
 * The pause after typing: the setting, or longer for big files, whose check takes about 1 ms per 100 lines
 * on a slow machine, so that typing in a 10 MB file does not keep the extension host busy.
 */
export function debounceFor(lineCount: number, settingMs: number): number {
  return Math.max(settingMs, Math.min(3000, Math.round(lineCount / 100)));
}

export function registerDiagnostics(context: vscode.ExtensionContext): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('tcpseq');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The newest document version published per document: an older result never replaces it. */
  const published = new Map<string, number>();
  let settings = readSettings();

  const cancel = (key: string) => {
    const t = timers.get(key);
    if (t !== undefined) { clearTimeout(t); timers.delete(key); }
  };

  const validateNow = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    cancel(key);
    if (!settings.enabled || document.isClosed || !shouldValidate(document)) return;
    const version = document.version;
    const analysis = analysisOf(document);
    if (document.isClosed || document.version !== version) return; // changed meanwhile: a newer run is scheduled
    if ((published.get(key) ?? -1) > version) return;
    published.set(key, version);
    const shown = analysis.diagnostics.length > MAX_DIAGNOSTICS ? analysis.diagnostics.slice(0, MAX_DIAGNOSTICS) : analysis.diagnostics;
    collection.set(document.uri, shown.map((d) => toVsDiagnostic(d, document.uri, settings.lang)));
  };

  const schedule = (document: vscode.TextDocument) => {
    if (!settings.enabled || !shouldValidate(document)) return;
    const key = document.uri.toString();
    cancel(key);
    timers.set(key, setTimeout(() => { timers.delete(key); validateNow(document); }, debounceFor(document.lineCount, settings.debounceMs)));
  };

  const forget = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    cancel(key);
    published.delete(key);
    collection.delete(document.uri);
  };

  const revalidateAll = () => {
    settings = readSettings();
    if (!settings.enabled) {
      for (const key of [...timers.keys()]) cancel(key);
      published.clear();
      collection.clear();
      return;
    }
    for (const d of vscode.workspace.textDocuments) if (isTcpseq(d)) validateNow(d);
  };

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => validateNow(d)),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) schedule(e.document); }),
    vscode.workspace.onDidCloseTextDocument((d) => forget(d)),
    onSettingsChange(revalidateAll),
    { dispose: () => { for (const key of [...timers.keys()]) cancel(key); } },
  );
  for (const d of vscode.workspace.textDocuments) validateNow(d);
  return collection;
}
