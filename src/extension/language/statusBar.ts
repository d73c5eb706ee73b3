// A status bar item, shown only for tcpseq editors, with the endpoints' states at the cursor line.
// Its name and tooltip speak the language of tcpseq.language; the state names stay as printed.
import * as vscode from 'vscode';
import { statesAtLine } from '../../core/editor/inlayHints.ts';
import { stateSummary } from '../../core/editor/stateDocs.ts';
import type { Analysis } from '../../core/index.ts';
import type { Localizer } from '../../core/i18n/format.ts';
import type { TcpState } from '../../core/syntax/syntax.ts';
import { analysisOf, isTcpseq } from '../analysisCache.ts';
import { currentLocalizer, onSettingsChange, readSettings } from './settings.ts';

/** The tooltip: where the states come from, then each endpoint's state and what it means. */
export function statesTooltip(l: Localizer, analysis: Analysis, states: readonly TcpState[], fromLine: number): string {
  const heading = fromLine < 0 ? l.t('extension.statusBar.initial') : l.t('extension.statusBar.afterLine', { line: fromLine + 1 });
  const lines = analysis.endpoints.map((e, i) => {
    const state = states[i];
    return l.t('extension.statusBar.endpoint', { name: e.name, state: state ?? '?', summary: state ? stateSummary(state, l.lang) : '' });
  });
  return [heading, ...lines].join('\n\n');
}

export function registerStatusBar(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('tcpseq.states', vscode.StatusBarAlignment.Left, 50);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    timer = undefined;
    const l = currentLocalizer();
    item.name = l.t('extension.statusBar.name');
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isTcpseq(editor.document) || !readSettings(editor.document.uri).statusBar) { item.hide(); return; }
    const analysis = analysisOf(editor.document);
    const states = statesAtLine(analysis, editor.selection.active.line);
    if (!states) { item.hide(); return; }
    item.text = `$(arrow-swap) ${states.text}`;
    item.tooltip = new vscode.MarkdownString(statesTooltip(l, analysis, states.states, states.fromLine));
    item.show();
  };
  // Typing moves the cursor too: wait for a pause before analysing again.
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(update, readSettings().debounceMs);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection((e) => { if (e.textEditor === vscode.window.activeTextEditor) later(); }),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) later(); }),
    onSettingsChange(update),
    /** For tests (not in the palette): what the item shows now. */
    vscode.commands.registerCommand('tcpseq.statusBar.state', () => ({
      name: item.name, text: item.text,
      tooltip: item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip,
    })),
    { dispose: () => { if (timer !== undefined) clearTimeout(timer); } },
  );
  update();
  return item;
}
