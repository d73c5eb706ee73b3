// The analysis every editor feature reads for an exercise (hooked into analysisCache): the student's
// view by default — no answer in completion, hover, quick fixes, state hints, status bar or preview —
// and the whole check with the answers when the teacher turns on "Show Answers".
import * as vscode from 'vscode';
import type { Analysis } from '../../core/index.ts';
import { analyzeExercise, studentView, type StudentView } from '../../core/exercise/index.ts';
import { exerciseOf } from './originals.ts';

/** The setting that "Show Answers" toggles. */
export const SHOW_ANSWERS = 'exercise.showAnswers';

export function answersShown(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('tcpseq', document.uri).get<boolean>(SHOW_ANSWERS, false) === true;
}

/** Which view of a document the cached analysis is: '' for a file that is no exercise. */
export function exerciseView(document: vscode.TextDocument): string {
  if (document.languageId !== 'tcpseq' || !exerciseOf(document)) return '';
  return answersShown(document) ? 'answers' : 'student';
}

const views = new WeakMap<vscode.TextDocument, { version: number; view: StudentView }>();

/** The student's view of an exercise document (progress, marks, feedback), or undefined. */
export function studentViewOf(document: vscode.TextDocument): StudentView | undefined {
  const hit = views.get(document);
  if (hit && hit.version === document.version) return hit.view;
  const ex = exerciseOf(document);
  if (!ex) return undefined;
  const view = studentView(ex.prepared, document.getText());
  views.set(document, { version: document.version, view });
  return view;
}

/** The analysis of an exercise document, or undefined for any other file (then `analyze` is used). */
export function exerciseAnalysis(document: vscode.TextDocument): Analysis | undefined {
  const view = exerciseView(document);
  if (view === '') return undefined;
  if (view === 'answers') return analyzeExercise(document.getText());
  return studentViewOf(document)?.analysis;
}
