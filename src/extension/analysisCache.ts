// One analysis per document version, shared by every feature (diagnostics, hover, preview, ...).
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/index.ts';

const cache = new WeakMap<vscode.TextDocument, { version: number; analysis: Analysis }>();

export function analysisOf(document: vscode.TextDocument): Analysis {
  const hit = cache.get(document);
  if (hit && hit.version === document.version) return hit.analysis;
  const analysis = analyze(document.getText());
  cache.set(document, { version: document.version, analysis });
  return analysis;
}

export function isTcpseq(document: vscode.TextDocument): boolean {
  return document.languageId === 'tcpseq';
}

export function toVsRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
