// Grading a submission against its exercise (contract 9): lines paired, changed lines reported, each
// filled blank judged against the key. The key is computed once per exercise; each submission then
// costs a few regular-expression matches, no validator run.
import { t } from '../i18n/format.ts';
import { analyzeExercise } from './analyzeExercise.ts';
import { align, givenAnswers, givenColumns, linePatterns, submissionLines, type LinePattern, type SubmissionLine } from './align.ts';
import { judge } from './answers.ts';
import { questionMark, linesWithBreaks } from './substitute.ts';
import type { BlankGrade, ExerciseAnalysis, GradeProblem, GradeResult } from './types.ts';

export interface PreparedExercise {
  analysis: ExerciseAnalysis;
  patterns: LinePattern[];
}

export function prepareExercise(text: string, analysis: ExerciseAnalysis = analyzeExercise(text)): PreparedExercise {
  const lines = linesWithBreaks(text).map((l) => l.body);
  const marks = (analysis.exercise.key.length ? analysis.exercise.key : []).map((e) => ({ line: e.line, ...questionMark(lines[e.line] ?? '', e.range) }));
  return { analysis, patterns: linePatterns(text, marks) };
}

export interface GradeOptions {
  /** Also find where each answer stands in the submission (for the editor). */
  columns?: boolean;
}

export function gradeSubmission(ex: PreparedExercise, submission: string, options: GradeOptions = {}): GradeResult {
  const key = ex.analysis.exercise.key;
  const lines = submissionLines(submission);
  const pairs = align(ex.patterns, lines);
  const given = new Map<number, { text: string; line: SubmissionLine; pattern: LinePattern }>();
  for (const [p, s] of pairs) {
    const pattern = ex.patterns[p]!;
    for (const [b, text] of givenAnswers(pattern, lines[s]!)) given.set(b, { text, line: lines[s]!, pattern });
  }
  const problems = changedLines(ex.patterns, lines, pairs);
  const columns = new Map<number, { start: number; end: number }>();
  if (options.columns) {
    for (const g of new Set([...given.values()].map((v) => v.line))) {
      const pattern = [...given.values()].find((v) => v.line === g)!.pattern;
      for (const [b, c] of givenColumns(pattern, g.text)) columns.set(b, c);
    }
  }
  let score = 0;
  let max = 0;
  const blanks: BlankGrade[] = key.map((e) => {
    const g = given.get(e.index);
    const verdict = e.bad ? { correct: false } : judge(e, g?.text, ex.analysis.symbols);
    if (!e.bad) max++;
    if (verdict.correct) score++;
    const col = columns.get(e.index);
    return {
      index: e.index, line: e.line + 1, column: e.range.start.character + 1, kind: e.kind, answer: e.bad ? '' : e.answer,
      ...(g ? { given: g.text } : {}), correct: verdict.correct, feedback: e.reason,
      ...(g && col ? { range: { start: { line: g.line.line, character: col.start }, end: { line: g.line.line, character: col.end } } } : {}),
    };
  });
  return { score, max, blanks, problems };
}

function changedLines(patterns: readonly LinePattern[], lines: readonly SubmissionLine[], pairs: readonly [number, number][]): GradeProblem[] {
  const out: GradeProblem[] = [];
  let p = 0;
  let s = 0;
  for (const [pi, si] of [...pairs, [patterns.length, lines.length] as [number, number]]) {
    const missing = patterns.slice(p, pi);
    const extra = lines.slice(s, si);
    const n = Math.max(missing.length, extra.length);
    for (let k = 0; k < n; k++) {
      const ex = missing[k];
      const sub = extra[k];
      if (ex && sub) out.push({ line: sub.line + 1, code: 'changed-line', text: t('exercise.changed.differs', { exerciseLine: ex.line + 1 }) });
      else if (sub) out.push({ line: sub.line + 1, code: 'changed-line', text: t('exercise.changed.extra') });
      else if (ex) out.push({ line: (lines[si]?.line ?? lines[lines.length - 1]?.line ?? 0) + 1, code: 'changed-line', text: t('exercise.changed.missing', { exerciseLine: ex.line + 1 }) });
    }
    p = pi + 1;
    s = si + 1;
  }
  return out;
}
