// A status bar item, shown only for tcpseq editors, with the endpoints' states at the cursor line.
import * as vscode from 'vscode';
import { statesAtLine } from '../../core/editor/inlayHints.ts';
import { analysisOf, isTcpseq } from '../analysisCache.ts';
import { onSettingsChange, readSettings } from './settings.ts';

export function registerStatusBar(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('tcpseq.states', vscode.StatusBarAlignment.Left, 50);
  item.name = 'TCP states';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    timer = undefined;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isTcpseq(editor.document) || !readSettings(editor.document.uri).statusBar) { item.hide(); return; }
    const states = statesAtLine(analysisOf(editor.document), editor.selection.active.line);
    if (!states) { item.hide(); return; }
    item.text = `$(arrow-swap) ${states.text}`;
    item.tooltip = new vscode.MarkdownString(`${states.fromLine < 0 ? 'Initial states' : `States after line ${states.fromLine + 1}`}\n\n${states.tooltip}`);
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
    { dispose: () => { if (timer !== undefined) clearTimeout(timer); } },
  );
  update();
  return item;
}
