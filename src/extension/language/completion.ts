// Completion provider: maps the core's completion entries to vscode.CompletionItem.
import * as vscode from 'vscode';
import { completionsAt, type CompletionEntry } from '../../core/editor/completion.ts';
import { analysisOf, toVsRange } from '../analysisCache.ts';
import { currentLang } from './settings.ts';

export const COMPLETION_TRIGGERS = [' ', '=', '>', ':', ','];

const KIND: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  flag: vscode.CompletionItemKind.EnumMember,
  state: vscode.CompletionItemKind.Enum,
  endpoint: vscode.CompletionItemKind.Variable,
  field: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.Value,
  keyword: vscode.CompletionItemKind.Keyword,
  arrow: vscode.CompletionItemKind.Operator,
  action: vscode.CompletionItemKind.Function,
  id: vscode.CompletionItemKind.Reference,
  segment: vscode.CompletionItemKind.Snippet,
  assertion: vscode.CompletionItemKind.Snippet,
};

export class TcpseqCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const result = completionsAt(analysisOf(document), document.getText(), { line: position.line, character: position.character }, currentLang(document.uri));
    return result.items.map((entry) => toItem(entry, toVsRange(entry.range ?? result.range), position));
  }
}

function toItem(entry: CompletionEntry, range: vscode.Range, position: vscode.Position): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, KIND[entry.kind]);
  const text = entry.insertText ?? entry.label;
  item.insertText = entry.snippet ? new vscode.SnippetString(text) : text;
  // A range that goes on after the cursor (the rest of a value) is replaced, not pushed right.
  item.range = range.end.isAfter(position) ? { inserting: new vscode.Range(range.start, position), replacing: range } : range;
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  if (entry.preselect) item.preselect = true;
  if (entry.sortText) item.sortText = entry.sortText;
  item.filterText = entry.label;
  if (entry.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
  return item;
}
