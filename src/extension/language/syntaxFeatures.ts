// Formatting, outline (document symbols) and folding for tcpseq documents: thin adapters over the core.
import * as vscode from 'vscode';
import { analysisOf, toVsRange } from '../analysisCache.ts';
import { formatEdits, type LineEdit } from '../../core/editor/format.ts';
import { documentOutline, foldingRegions, type OutlineKind, type OutlineSymbol } from '../../core/editor/outline.ts';
import { currentLang, currentLocalizer } from './settings.ts';

const SELECTOR: vscode.DocumentSelector = { language: 'tcpseq' };

const SYMBOL_KIND: Record<OutlineKind, vscode.SymbolKind> = {
  title: vscode.SymbolKind.String,
  endpoint: vscode.SymbolKind.Interface,
  section: vscode.SymbolKind.Namespace,
  segment: vscode.SymbolKind.Event,
  action: vscode.SymbolKind.Method,
  deliver: vscode.SymbolKind.Event,
  expect: vscode.SymbolKind.Boolean,
};

export function registerSyntaxFeatures(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentFormattingEditProvider(SELECTOR, {
      provideDocumentFormattingEdits: (document) => toTextEdits(document, formatEdits(document.getText())),
    }),
    vscode.languages.registerDocumentRangeFormattingEditProvider(SELECTOR, {
      // Columns depend on the whole block, so the whole text is formatted and the lines in the range kept.
      provideDocumentRangeFormattingEdits: (document, range) => {
        // a selection of whole lines ends at character 0 of the next line, which is not part of it
        const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
        return toTextEdits(document, formatEdits(document.getText()).filter((e) => e.line >= range.start.line && e.line <= last));
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      provideDocumentSymbols: (document) => documentOutline(analysisOf(document).document, currentLang(document.uri)).map(toDocumentSymbol),
    }, { label: currentLocalizer().t('extension.outline.label') }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, {
      provideFoldingRanges: (document) => foldingRegions(analysisOf(document).document, document.getText()).map((r) =>
        new vscode.FoldingRange(r.start, r.end, r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : vscode.FoldingRangeKind.Region)),
    }),
  );
}

function toTextEdits(document: vscode.TextDocument, edits: LineEdit[]): vscode.TextEdit[] {
  return edits
    .filter((e) => e.line < document.lineCount)
    .map((e) => vscode.TextEdit.replace(document.lineAt(e.line).range, e.text));
}

function toDocumentSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, SYMBOL_KIND[s.kind], toVsRange(s.range), toVsRange(s.selectionRange));
  symbol.children = s.children.map(toDocumentSymbol);
  return symbol;
}
