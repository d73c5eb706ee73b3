// What an exercise is made of once solved: one key entry per blank (contract 9), and what grading says.
import type { Analysis } from '../analysis.ts';
import type { Value } from '../sequence.ts';
import type { BlankKind, Range } from '../syntax/syntax.ts';
import type { Text } from '../i18n/types.ts';

/** The answer to one blank. */
export interface KeyEntry {
  /** Index in `ParsedDocument.blanks` (file order). */
  index: number;
  kind: BlankKind;
  /** 0-based line and the range of the `?`. */
  line: number;
  range: Range;
  /** The sender of the segment (seq, ack, len, win, flags) or the endpoint of a state blank. */
  endpoint: string;
  /** In the file's notation: `x+1`, `1001`, `SYN+ACK`, `ESTABLISHED`, or `any`. */
  answer: string;
  /** The answer as a number 0..2^32-1 when it is one (a numeric file, len, win). */
  number?: number;
  /** The value the answer stands for (seq, ack), for comparing a student's expression. */
  value?: Value;
  /** Any value is right (the seq of a SYN, a field no later line depends on). */
  any?: boolean;
  /** win: the answer is a minimum; every larger window is right too. */
  atLeast?: boolean;
  /** flags: every right combination, the shown answer first. */
  alternatives?: string[];
  /** One sentence for a student: why this is the answer. */
  reason: Text;
  /** The blank has no right answer (`bad-blank`); `reason` says why. */
  bad?: boolean;
}

export interface ExerciseInfo {
  mode: 'practice' | 'exam';
  title?: string;
  /** True when the file has an `exercise` statement. */
  declared: boolean;
  key: KeyEntry[];
  /** The file with every answerable blank replaced by its answer (state blanks stay `?`). */
  solvedText: string;
}

/** An analysis of an exercise: the file checked with every blank at its answer. */
export interface ExerciseAnalysis extends Analysis {
  exercise: ExerciseInfo;
}

export interface BlankGrade {
  index: number;
  line: number;
  column: number;
  kind: BlankKind;
  answer: string;
  /** What the student wrote (undefined: the line is missing or changed). */
  given?: string;
  correct: boolean;
  feedback: Text;
  /** Where the student's answer stands in the submission (0-based), when found. */
  range?: Range;
}

export interface GradeProblem { line: number; code: 'changed-line'; text: Text }

export interface GradeResult {
  score: number;
  max: number;
  blanks: BlankGrade[];
  problems: GradeProblem[];
}
