// Code actions: a quick fix per fixable diagnostic, and "fix all seq/ack" (source.fixAll.tcpseq).
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/index.ts';
import { fixAllSeqAck, quickFixesFor, readAsWritten, type TextEdit } from '../../core/editor/quickFixes.ts';
import { rangesEqual } from '../../core/editor/positions.ts';
import { formatText, t } from '../../core/i18n/format.ts';
import type { Lang } from '../../core/i18n/types.ts';
import { analysisOf, toVsRange } from '../analysisCache.ts';
import { codeOf } from './diagnostics.ts';
import { currentLang } from './settings.ts';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('tcpseq');

/** "Fix all seq and ack values in the file", with the number of changes when known. */
function fixAllTitle(lang: Lang, count?: number): string {
  if (count === undefined) return formatText(lang, t('editor.fix.fixAll'));
  return formatText(lang, count === 1 ? t('editor.fix.fixAllOne') : t('editor.fix.fixAllCount', { count }));
}

function toWorkspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toVsRange(e.range), e.newText);
  return we;
}

function fromVs(r: vscode.Range) {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** "Fix all" offered next to a seq/ack quick fix: its edit is computed only when the user picks it. */
class LazyFixAll extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly version: number, lang: Lang) {
    super(fixAllTitle(lang), vscode.CodeActionKind.QuickFix);
  }
}

export class TcpseqCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    const lang = currentLang(document.uri);
    const actions: vscode.CodeAction[] = [];
    if (only && FIX_ALL_KIND.intersects(only)) {
      // Asked for explicitly (Source Action menu, editor.codeActionsOnSave): computed now.
      const result = fixAllSeqAck(document.getText());
      if (result.edits.length) {
        const action = new vscode.CodeAction(fixAllTitle(lang, result.fixed), FIX_ALL_KIND);
        action.edit = toWorkspaceEdit(document.uri, result.edits);
        actions.push(action);
      }
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return actions;

    const analysis = analysisOf(document);
    const text = document.getText();
    const seqAck: vscode.Diagnostic[] = [];
    let asWritten = false;
    for (const vd of context.diagnostics) {
      const core = matching(analysis.diagnostics, vd);
      if (!core) continue;
      if (core.code === 'wrong-seq' || core.code === 'wrong-ack') seqAck.push(vd);
      if (readAsWritten(analysis, core)) asWritten = true;
      for (const fix of quickFixesFor(analysis, text, core, lang)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [vd];
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
    }
    // Next to a seq/ack fix, offer to fix them all when the file has more than one, or when the lines below
    // follow the file's own numbers (a slip read as written, 4.4): then fixing them all is the preferred fix.
    const wrongValues = analysis.diagnostics.filter((d) => d.code === 'wrong-seq' || d.code === 'wrong-ack').length;
    if (seqAck.length && (wrongValues > 1 || asWritten)) {
      const all = new LazyFixAll(document, document.version, lang);
      all.diagnostics = seqAck;
      all.isPreferred = asWritten;
      actions.push(all);
    }
    return actions;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof LazyFixAll && !action.document.isClosed && action.document.version === action.version) {
      action.edit = toWorkspaceEdit(action.document.uri, fixAllSeqAck(action.document.getText()).edits);
    }
    return action;
  }
}

/** The core diagnostic a published one stands for: same code and range (or same line, if edits moved it). */
function matching(list: CoreDiagnostic[], vd: vscode.Diagnostic): CoreDiagnostic | undefined {
  const code = codeOf(vd);
  if (!code) return undefined;
  const range = fromVs(vd.range);
  return list.find((d) => d.code === code && rangesEqual(d.range, range))
    ?? list.find((d) => d.code === code && d.range.start.line === range.start.line);
}
