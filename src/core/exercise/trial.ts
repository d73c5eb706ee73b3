// Running an exercise with some blanks filled in: the file as the validator sees it once chosen answers
// stand where the `?` were. Every key decision ("does the file hold with this answer?") is such a run.
import type { Analysis, SegmentResult } from '../analysis.ts';
import { analyze } from '../validator/analyze.ts';
import { parse } from '../syntax/parser.ts';
import type { Blank, ParsedDocument, Statement } from '../syntax/syntax.ts';
import { linesWithBreaks, questionMark, substitute, type Replacement, type Substituted } from './substitute.ts';

/** Codes reported at the end of the file: they say nothing while later lines have not been solved yet. */
const END_OF_FILE = new Set(['unacknowledged', 'undelivered']);

export interface TrialRun { analysis: Analysis; substituted: Substituted }

export class Trial {
  readonly document: ParsedDocument;
  readonly blanks: readonly Blank[];
  private readonly lines: string[];
  /** Text written in place of each blank's `?`; undefined leaves the blank (a left-out field). */
  readonly answers: (string | undefined)[];
  runs = 0;

  constructor(readonly text: string) {
    this.document = parse(text).document;
    this.blanks = this.document.blanks ?? [];
    this.lines = linesWithBreaks(text).map((l) => l.body);
    this.answers = this.blanks.map(() => undefined);
  }

  /** The `?` of a blank on its line. */
  mark(blank: Blank): { start: number; end: number } {
    return questionMark(this.lines[blank.line] ?? '', blank.range);
  }

  /**
   * Runs the file with the chosen answers, and `extra` (blank index -> text) on top; only its lines
   * before `endLine` when given (a trial judged on those lines needs no more).
   */
  run(extra?: ReadonlyMap<number, string | undefined>, endLine = Number.MAX_SAFE_INTEGER): TrialRun {
    const replacements: Replacement[] = [];
    this.blanks.forEach((b, i) => {
      const text = extra?.has(i) ? extra.get(i) : this.answers[i];
      if (text === undefined || b.line >= endLine) return;
      const m = this.mark(b);
      replacements.push({ line: b.line, start: m.start, end: m.end, text });
    });
    const substituted = substitute(endLine < this.lines.length ? this.prefix(endLine) : this.text, replacements);
    this.runs++;
    return { analysis: analyze(substituted.text), substituted };
  }

  private readonly prefixes = new Map<number, string>();
  /** The text of the lines before `endLine`. */
  private prefix(endLine: number): string {
    let p = this.prefixes.get(endLine);
    if (p === undefined) {
      p = linesWithBreaks(this.text).slice(0, endLine).map((l) => l.body + l.eol).join('');
      this.prefixes.set(endLine, p);
    }
    return p;
  }

  /** The statement on a line of the original file. */
  statementAt(line: number): Statement | undefined {
    return this.document.statements.find((s) => s.line === line);
  }
}

/**
 * The errors and warnings of a run on lines before `endLine`, as `code@line` keys. Before the whole file
 * is solved (`partial`), end-of-file findings are left out: later lines that do not run yet would
 * acknowledge or deliver what they report.
 */
export function problems(analysis: Analysis, endLine: number, partial: boolean): Set<string> {
  const out = new Set<string>();
  for (const d of analysis.diagnostics) {
    if (d.severity === 'info' || d.range.start.line >= endLine) continue;
    if (partial && END_OF_FILE.has(d.code)) continue;
    out.add(`${d.code}@${d.range.start.line}`);
  }
  return out;
}

export function segmentOnLine(analysis: Analysis, line: number): SegmentResult | undefined {
  return analysis.segments.find((s) => s.statement.line === line);
}
