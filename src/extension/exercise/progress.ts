// The blanks highlighted in the editor, and "3 of 5 blanks filled" in the status bar.
import * as vscode from 'vscode';
import { toVsRange } from '../analysisCache.ts';
import { currentLocalizer, onSettingsChange } from '../language/settings.ts';
import { studentViewOf } from './view.ts';

export function registerProgress(context: vscode.ExtensionContext): void {
  const open = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    borderRadius: '2px',
  });
  const filled = vscode.window.createTextEditorDecorationType({
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    borderRadius: '2px',
  });
  const item = vscode.window.createStatusBarItem('tcpseq.exercise.progress', vscode.StatusBarAlignment.Left, 49);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    timer = undefined;
    const editor = vscode.window.activeTextEditor;
    const view = editor && editor.document.languageId === 'tcpseq' ? studentViewOf(editor.document) : undefined;
    for (const e of vscode.window.visibleTextEditors) {
      if (e !== editor) continue;
      e.setDecorations(open, view ? view.marks.filter((m) => !m.filled).map((m) => toVsRange(m.range)) : []);
      e.setDecorations(filled, view ? view.marks.filter((m) => m.filled).map((m) => toVsRange(m.range)) : []);
    }
    if (!editor || !view) { item.hide(); return; }
    const l = currentLocalizer(editor.document.uri);
    item.name = l.t('exercise.ext.statusName');
    item.text = `$(edit) ${l.t('exercise.progress', { filled: view.filled, total: view.total })}`;
    item.tooltip = l.t(view.mode === 'exam' ? 'exercise.ext.examTooltip' : 'exercise.ext.practiceTooltip');
    item.show();
  };
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(update, 150);
  };
  context.subscriptions.push(
    open, filled, item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) later(); }),
    onSettingsChange(update),
    { dispose: () => { if (timer !== undefined) clearTimeout(timer); } },
  );
  update();
}

/** The status bar text now (for tests). */
export function progressText(document: vscode.TextDocument): string | undefined {
  const view = studentViewOf(document);
  return view ? currentLocalizer(document.uri).t('exercise.progress', { filled: view.filled, total: view.total }) : undefined;
}
