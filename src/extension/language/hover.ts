// Hover provider over the core's hoverAt.
import * as vscode from 'vscode';
import { hoverAt } from '../../core/editor/hover.ts';
import { analysisOf, toVsRange } from '../analysisCache.ts';
import { currentLang } from './settings.ts';

export class TcpseqHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const h = hoverAt(analysisOf(document), { line: position.line, character: position.character }, currentLang(document.uri));
    if (!h) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(h.markdown), toVsRange(h.range));
  }
}
