// Exercises in the editor (issue 10): blanks highlighted, progress in the status bar, practice feedback
// and the student's view (through analysisCache), answers for the teacher, grading and authoring commands.
import * as vscode from 'vscode';
import { AnswerHintsProvider } from './answers.ts';
import { registerExerciseCommands } from './commands.ts';
import { forgetOriginal, initOriginals } from './originals.ts';
import { registerProgress } from './progress.ts';

export function registerExercises(context: vscode.ExtensionContext): void {
  initOriginals(context.workspaceState);
  // An untitled editor's name (Untitled-1) is given again to the next one: forget what it started as.
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === 'untitled') forgetOriginal(d); }));
  const hints = new AnswerHintsProvider();
  context.subscriptions.push(hints, vscode.languages.registerInlayHintsProvider({ language: 'tcpseq' }, hints));
  registerProgress(context);
  registerExerciseCommands(context);
}
