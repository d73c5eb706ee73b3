// Exercises in the editor (issue 10): blanks highlighted, progress in the status bar, practice feedback
// and the student's view (through analysisCache), answers for the teacher, grading and authoring commands.
import * as vscode from 'vscode';
import { AnswerHintsProvider } from './answers.ts';
import { registerExerciseCommands } from './commands.ts';
import { initOriginals } from './originals.ts';
import { registerProgress } from './progress.ts';

export function registerExercises(context: vscode.ExtensionContext): void {
  initOriginals(context.workspaceState);
  const hints = new AnswerHintsProvider();
  context.subscriptions.push(hints, vscode.languages.registerInlayHintsProvider({ language: 'tcpseq' }, hints));
  registerProgress(context);
  registerExerciseCommands(context);
}
