// Hover on full-width punctuation typed with a Chinese input method (`：` `，` `＝` `＋` `＃` `“`): says that
// tcpseq reads it as its ASCII form (contract v2 section 1), in the language of tcpseq.language.
import * as vscode from 'vscode';
import { imeCharAt } from '../../core/editor/ime.ts';
import { currentLocalizer } from './settings.ts';

export class ImeHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = imeCharAt(document.lineAt(position.line).text, position.character);
    if (!found) return undefined;
    const l = currentLocalizer(document.uri);
    const text = found.ascii === '"'
      ? l.t('extension.ime.hoverQuote', { char: found.char })
      : l.t('extension.ime.hover', { char: found.char, ascii: found.ascii, name: l.t(found.name) });
    const at = new vscode.Position(position.line, found.character);
    return new vscode.Hover(new vscode.MarkdownString(text), new vscode.Range(at, at.translate(0, 1)));
  }
}

export function registerImeHover(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'tcpseq' }, new ImeHoverProvider()));
}
