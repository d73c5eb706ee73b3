// `analyzeExercise(text)`: an exercise checked as contract 9 says: every blank at its answer, no
// diagnostic on a blank, `bad-blank` where a blank has no right answer. Positions are the original text's.
import type { Diagnostic, DiagnosticCode } from '../analysis.ts';
import { en } from '../i18n/format.ts';
import { parse } from '../syntax/parser.ts';
import type { ExerciseStatement, ParsedDocument } from '../syntax/syntax.ts';
import { analyze } from '../validator/analyze.ts';
import { solve } from './key.ts';
import { mapRange } from './substitute.ts';
import type { ExerciseAnalysis, ExerciseInfo, KeyEntry } from './types.ts';

/** The code of a blank with no right answer (contract 9). */
export const BAD_BLANK = 'bad-blank' satisfies DiagnosticCode;

export function exerciseStatement(document: ParsedDocument): ExerciseStatement | undefined {
  for (const s of document.statements) if (s.kind === 'exercise') return s;
  return undefined;
}

/** A file is an exercise when it has blanks or an `exercise` statement. */
export function isExercise(document: ParsedDocument): boolean {
  return (document.blanks?.length ?? 0) > 0 || exerciseStatement(document) !== undefined;
}

/** Cheap test on the text, before parsing: could this be an exercise at all? */
export function mayBeExercise(text: string): boolean {
  return text.includes('?') || /^\s*exercise\b/im.test(text);
}

export function badBlankDiagnostic(e: KeyEntry): Diagnostic {
  return { code: BAD_BLANK, severity: 'error', range: e.range, message: en(e.reason), text: e.reason, params: { kind: e.kind } };
}

export function analyzeExercise(text: string): ExerciseAnalysis {
  const document = parse(text).document;
  const statement = exerciseStatement(document);
  const info = (key: KeyEntry[], solvedText: string): ExerciseInfo => ({
    mode: statement?.mode ?? 'practice', declared: statement !== undefined, key, solvedText,
    ...(statement?.title !== undefined ? { title: statement.title } : {}),
  });
  if ((document.blanks?.length ?? 0) === 0) return { ...analyze(text), exercise: info([], text) };

  const { entries, final } = solve(text);
  const { analysis, substituted } = final;
  const diagnostics: Diagnostic[] = analysis.diagnostics.map((d) => ({
    ...d,
    range: mapRange(substituted, d.range),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, range: mapRange(substituted, r.range) })) } : {}),
  }));
  for (const e of entries) if (e.bad) diagnostics.push(badBlankDiagnostic(e));
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { ...analysis, diagnostics, exercise: info(entries, substituted.text) };
}
