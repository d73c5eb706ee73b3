// tcpdump output pasted into a tcpseq file: a paste edit "Convert tcpdump output" (chosen in the paste
// widget) and a quick fix on the tcpdump lines that converts them in place.
import * as vscode from 'vscode';
import { convertTcpdumpText, tcpdumpSpan, TCPDUMP_SEGMENT } from '../../core/capture/index.ts';
import { currentLang, currentLocalizer } from '../language/settings.ts';

export const PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Text.append('tcpseq', 'tcpdump');

export class TcpdumpPasteProvider implements vscode.DocumentPasteEditProvider {
  static readonly metadata: vscode.DocumentPasteProviderMetadata = { providedPasteEditKinds: [PASTE_KIND], pasteMimeTypes: ['text/plain'] };

  async provideDocumentPasteEdits(_doc: vscode.TextDocument, _ranges: readonly vscode.Range[], data: vscode.DataTransfer, _ctx: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const text = await data.get('text/plain')?.asString();
    if (!text || token.isCancellationRequested || !TCPDUMP_SEGMENT.test(text)) return undefined;
    const converted = await convertTcpdumpText(text, currentLang());
    if (!converted || token.isCancellationRequested) return undefined;
    const edit = new vscode.DocumentPasteEdit(converted, currentLocalizer().t('capture.ext.pasteTitle'), PASTE_KIND);
    edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text]; // plain text stays the default; this one is offered
    return [edit];
  }
}

/** The tcpdump lines of the document (first to last) as a range, when the given range touches one. */
export function tcpdumpRange(doc: vscode.TextDocument, at: vscode.Range): vscode.Range | undefined {
  const lines = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i).text);
  const span = tcpdumpSpan(lines);
  if (!span || at.end.line < span.first || at.start.line > span.last) return undefined;
  return new vscode.Range(span.first, 0, span.last, lines[span.last].length);
}

export class TcpdumpCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[] | undefined> {
    const block = tcpdumpRange(doc, range);
    if (!block) return undefined;
    const converted = await convertTcpdumpText(doc.getText(block), currentLang());
    if (!converted) return undefined;
    const action = new vscode.CodeAction(currentLocalizer().t('capture.ext.quickFix'), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(doc.uri, block, converted.replace(/\n$/, ''));
    action.isPreferred = true;
    return [action];
  }
}
