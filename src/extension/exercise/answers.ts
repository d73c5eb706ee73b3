// "Show Answers" (for the teacher preparing an exercise): each blank's answer as an inlay hint, and the
// whole check instead of the student's view. Off by default; a workspace setting, so every view of the
// file (diagnostics, hints, status bar, preview) follows it.
import * as vscode from 'vscode';
import { analyzeExercise } from '../../core/exercise/index.ts';
import { currentLocalizer, onSettingsChange } from '../language/settings.ts';
import { exerciseOf } from './originals.ts';
import { answersShown, SHOW_ANSWERS } from './view.ts';

export class AnswerHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly listener = onSettingsChange(() => this.changed.fire());

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!answersShown(document) || !exerciseOf(document)) return [];
    const l = currentLocalizer(document.uri);
    const { key } = analyzeExercise(document.getText()).exercise;
    return key.filter((e) => e.line >= range.start.line && e.line <= range.end.line).map((e) => {
      const answer = e.bad ? '✖' : e.any ? l.t('exercise.any') : e.atLeast ? l.t('exercise.atLeast', { answer: e.answer }) : e.answer;
      const hint = new vscode.InlayHint(new vscode.Position(e.range.end.line, e.range.end.character), `= ${answer}`, vscode.InlayHintKind.Parameter);
      hint.paddingLeft = true;
      hint.tooltip = l.format(e.reason);
      return hint;
    });
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

export async function toggleAnswers(): Promise<void> {
  const config = vscode.workspace.getConfiguration('tcpseq');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(SHOW_ANSWERS, !config.get<boolean>(SHOW_ANSWERS, false), target);
}
