// Code actions: a quick fix per fixable diagnostic, and "fix all seq/ack" (source.fixAll.tcpseq).
import * as vscode from 'vscode';
import { fixAllSeqAck, quickFixesFor, type TextEdit } from '../../core/editor/quickFixes.ts';
import { rangesEqual } from '../../core/editor/positions.ts';
import { analysisOf, toVsRange } from '../analysisCache.ts';
import { codeOf } from './diagnostics.ts';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('tcpseq');
const FIX_ALL_TITLE = 'Fix all seq and ack values (tcpseq)';

function toWorkspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toVsRange(e.range), e.newText);
  return we;
}

function fromVs(r: vscode.Range) {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export class TcpseqCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (only && FIX_ALL_KIND.intersects(only)) {
      const fixAll = this.fixAll(document, FIX_ALL_KIND);
      if (fixAll) actions.push(fixAll);
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return actions;

    const analysis = analysisOf(document);
    const text = document.getText();
    let seqAckInRange: vscode.Diagnostic[] = [];
    for (const vd of context.diagnostics) {
      const code = codeOf(vd);
      if (!code) continue;
      const core = analysis.diagnostics.find((d) => d.code === code && rangesEqual(d.range, fromVs(vd.range)));
      if (!core) continue;
      if (code === 'wrong-seq' || code === 'wrong-ack') seqAckInRange = [...seqAckInRange, vd];
      for (const fix of quickFixesFor(analysis, text, core)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [vd];
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
    }
    // Next to a seq/ack fix, offer to fix them all when the file has more than one.
    const wrongValues = analysis.diagnostics.filter((d) => d.code === 'wrong-seq' || d.code === 'wrong-ack').length;
    if (seqAckInRange.length && wrongValues > 1) {
      const all = this.fixAll(document, vscode.CodeActionKind.QuickFix);
      if (all) { all.diagnostics = seqAckInRange; actions.push(all); }
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    const result = fixAllSeqAck(document.getText());
    if (result.edits.length === 0) return undefined;
    const action = new vscode.CodeAction(`${FIX_ALL_TITLE}: ${result.fixed} change${result.fixed === 1 ? '' : 's'}`, kind);
    action.edit = toWorkspaceEdit(document.uri, result.edits);
    return action;
  }
}
