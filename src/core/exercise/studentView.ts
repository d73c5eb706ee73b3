// What the editor shows a student doing an exercise: progress ("3 of 5 blanks filled"), feedback on
// filled blanks in practice mode, and an analysis that hands out no answer: no expected values, no
// sequence numbers of the TCBs, no states where a state or the flags are to be filled in, and only the
// findings that are about how the file is written (syntax), not about TCP.
import type { Analysis, Diagnostic, DiagnosticCode, Step, TcbSnapshot } from '../analysis.ts';
import { en, t } from '../i18n/format.ts';
import type { Expr, Range, SegmentStatement, TcpState } from '../syntax/syntax.ts';
import { analyze } from '../validator/analyze.ts';
import { badBlankDiagnostic } from './analyzeExercise.ts';
import { gradeSubmission, type PreparedExercise } from './grade.ts';
import type { GradeResult } from './types.ts';

/** Findings about how a line is written: they help with syntax and never tell an answer. */
const SYNTAX_CODES = new Set<string>([
  'syntax-error', 'unknown-flag', 'invalid-flags', 'unknown-state', 'invalid-number', 'duplicate-field',
  'unknown-endpoint', 'duplicate-endpoint', 'too-many-endpoints', 'self-segment', 'id-required',
  'duplicate-id', 'unknown-id',
]);

export const CHANGED_LINE = 'changed-line' satisfies DiagnosticCode;
export const BLANK_RIGHT = 'blank-right' satisfies DiagnosticCode;
export const BLANK_WRONG = 'blank-wrong' satisfies DiagnosticCode;

export interface BlankMark { index: number; range: Range; filled: boolean }

export interface StudentView {
  mode: 'practice' | 'exam';
  analysis: Analysis;
  filled: number;
  total: number;
  /** Where each blank is in the current text (unfilled `?` and filled answers), for highlighting. */
  marks: BlankMark[];
  grade: GradeResult;
}

const HIDDEN = '?' as TcpState;

function diag(code: DiagnosticCode, severity: Diagnostic['severity'], range: Range, text: ReturnType<typeof t>): Diagnostic {
  return { code, severity, range, message: en(text), text, params: {} };
}

export function studentView(ex: PreparedExercise, current: string): StudentView {
  const info = ex.analysis.exercise;
  const grade = gradeSubmission(ex, current, { columns: true });
  const base = analyze(current);
  const lineRange = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: base.document.lineLengths[line] ?? 0 } });

  const diagnostics: Diagnostic[] = base.diagnostics.filter((d) => SYNTAX_CODES.has(d.code));
  for (const p of grade.problems) diagnostics.push(diag(CHANGED_LINE, 'warning', lineRange(p.line - 1), p.text));
  const marks: BlankMark[] = [];
  let filled = 0;
  for (const b of grade.blanks) {
    const e = info.key[b.index]!;
    const isFilled = b.given !== undefined && b.given !== '' && b.given !== '?';
    if (isFilled) filled++;
    if (b.range) marks.push({ index: b.index, range: b.range, filled: isFilled });
    if (e.bad && current === info.solvedText) diagnostics.push(badBlankDiagnostic(e));
    if (info.mode === 'practice' && isFilled && b.range && !e.bad) {
      diagnostics.push(b.correct
        ? diag(BLANK_RIGHT, 'info', b.range, t('exercise.practice.right', { reason: e.reason }))
        : diag(BLANK_WRONG, 'error', b.range, t('exercise.practice.wrong', { reason: e.reason })));
    }
  }
  // Unfilled blanks the alignment could not place (a changed line): the parser still knows their `?`.
  for (const blank of base.document.blanks ?? []) {
    if (!marks.some((m) => m.range.start.line === blank.line && m.range.start.character <= blank.range.start.character && blank.range.start.character <= m.range.end.character)) {
      marks.push({ index: -1, range: blank.range, filled: false });
    }
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { mode: info.mode, analysis: masked(base, diagnostics, ex), filled, total: info.key.filter((e) => !e.bad).length, marks, grade };
}

/** A segment whose seq or ack is still a blank reads `seq=?` / `ack=?` (the diagram shows the `?`). */
function withBlankValues(st: SegmentStatement): SegmentStatement {
  if (!st.blanks?.length || (st.seq && st.ack)) return st;
  const blank = (name: 'seq' | 'ack'): Expr | undefined => {
    if (!st.blanks.includes(name)) return undefined;
    const field = st.fields.find((f) => f.name === name);
    return { text: '?', offset: 0, range: field?.valueRange ?? st.range };
  };
  const seq = st.seq ?? blank('seq');
  const ack = st.ack ?? blank('ack');
  // The parser's nodes compute their fields lazily (getters): a view over the node, not a copy.
  return new Proxy(st, {
    get: (target, prop) => (prop === 'seq' ? seq : prop === 'ack' ? ack : Reflect.get(target, prop, target)),
  });
}

/** The analysis with everything that could give an answer away taken out. */
function masked(a: Analysis, diagnostics: Diagnostic[], ex: PreparedExercise): Analysis {
  const key = ex.analysis.exercise.key;
  const hideStates = key.some((e) => e.kind === 'state' || e.kind === 'flags');
  const firstBlank = Math.min(...key.map((e) => e.line));
  const tcb = (s: TcbSnapshot, state: TcpState): TcbSnapshot => ({ state, outOfOrder: [] });
  const steps: Step[] = a.steps.map((s) => {
    const states = hideStates ? s.states.map(() => HIDDEN) : s.states;
    const before = hideStates ? s.before.map(() => HIDDEN) : s.before;
    return { line: s.line, states, before, tcbs: s.tcbs.map((x, i) => tcb(x, states[i]!)) };
  });
  const segments = a.segments.map((r) => {
    const { expectedSeq: _s, expectedAck: _a, seq, ack, ...rest } = r;
    return { ...rest, statement: withBlankValues(r.statement), ...(r.statement.seq && seq ? { seq } : {}), ...(r.statement.ack && ack ? { ack } : {}) };
  });
  const symbols = new Map([...a.symbols].filter(([, b]) => b.line < firstBlank));
  return { ...a, diagnostics, steps, segments, symbols, final: hideStates ? a.final.map(() => HIDDEN) : a.final };
}
