// One analysis per document version, shared by every feature (diagnostics, hover, preview, ...).
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/index.ts';
import { exerciseAnalysis, exerciseView } from './exercise/view.ts';

/** `view`: an exercise is seen as the student sees it, or with its answers (exercise/view.ts). */
const cache = new WeakMap<vscode.TextDocument, { version: number; view: string; analysis: Analysis }>();

export function analysisOf(document: vscode.TextDocument): Analysis {
  const hit = cache.get(document);
  const view = exerciseView(document);
  if (hit && hit.version === document.version && hit.view === view) return hit.analysis;
  const analysis = exerciseAnalysis(document) ?? analyze(document.getText());
  cache.set(document, { version: document.version, view, analysis });
  return analysis;
}

export function isTcpseq(document: vscode.TextDocument): boolean {
  return document.languageId === 'tcpseq';
}

export function toVsRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
