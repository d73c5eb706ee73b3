// The exercise a document started as. A student's copy loses its `?` as they fill it in, so the blanks
// (and the key) come from the text first seen with the most blanks, kept in the workspace state so that
// it survives a reload. A text with at least as many blanks replaces it (a teacher editing the
// exercise, or a fresh copy pasted in).
import * as vscode from 'vscode';
import { gradeSubmission, isExercise, mayBeExercise, prepareExercise, type PreparedExercise } from '../../core/exercise/index.ts';
import { parse } from '../../core/syntax/parser.ts';

const PREFIX = 'tcpseq.exercise.original:';
/** Files this big are never treated as exercises (the check of each edit stays one validator run). */
const MAX_EXERCISE_LENGTH = 1_000_000;

let state: vscode.Memento | undefined;
/** Without a workspace state (before activation), originals live for the session. */
const memory = new Map<string, string>();
const prepared = new Map<string, PreparedExercise>();
const seen = new WeakMap<vscode.TextDocument, { version: number; result: Exercise | undefined }>();

export interface Exercise { original: string; prepared: PreparedExercise }

export function initOriginals(memento: vscode.Memento): void { state = memento; }

function stored(key: string): string | undefined { return memory.get(key) ?? state?.get<string>(key); }
function store(key: string, text: string | undefined): void {
  if (text === undefined) memory.delete(key); else memory.set(key, text);
  void state?.update(key, text);
}

function preparedFor(original: string): PreparedExercise {
  let p = prepared.get(original);
  if (!p) {
    if (prepared.size >= 20) prepared.clear();
    p = prepareExercise(original);
    prepared.set(original, p);
  }
  return p;
}

/** The exercise behind a document, or undefined when the document is no exercise. */
export function exerciseOf(document: vscode.TextDocument): Exercise | undefined {
  const hit = seen.get(document);
  if (hit && hit.version === document.version) return hit.result;
  const result = find(document);
  seen.set(document, { version: document.version, result });
  return result;
}

function find(document: vscode.TextDocument): Exercise | undefined {
  const text = document.getText();
  if (text.length > MAX_EXERCISE_LENGTH) return undefined;
  const key = PREFIX + document.uri.toString();
  let original = stored(key);
  if (original === undefined && !mayBeExercise(text)) return undefined;
  const doc = parse(text).document;
  if (original === undefined && !isExercise(doc)) return undefined;
  if (original === undefined || doc.blanks.length >= (parse(original).document.blanks?.length ?? 0)) {
    if (original !== text) store(key, (original = text));
  }
  // No blank and no `exercise` line left, and more changed than the blanks: a plain file again (a `?`
  // typed once by mistake), not a student's filled copy.
  if (!isExercise(doc) && gradeSubmission(preparedFor(original), text).problems.length > 0) {
    store(key, undefined);
    return undefined;
  }
  return { original, prepared: preparedFor(original) };
}

/** Forget what a document started as (the next text seen is the exercise). */
export function forgetOriginal(document: vscode.TextDocument): void {
  store(PREFIX + document.uri.toString(), undefined);
  seen.delete(document);
}
