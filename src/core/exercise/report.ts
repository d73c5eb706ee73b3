// The key and the grades as text, in the user's language: the same words in the CLI and the editor.
import type { Localizer } from '../i18n/format.ts';
import type { GradeResult, KeyEntry } from './types.ts';

/** The key: a heading, then one line per blank (`8:31 ack (server): x+1 — reason`). */
export function keyText(file: string, key: readonly KeyEntry[], mode: string, l: Localizer): string {
  let out = `${l.t('exercise.report.keyHeader', { file, count: key.length, mode })}\n`;
  for (const e of key) {
    const answer = e.bad ? l.t('exercise.report.bad') : e.any ? l.t('exercise.any') : e.atLeast ? l.t('exercise.atLeast', { answer: e.answer }) : e.answer;
    out += `${e.line + 1}:${e.range.start.character + 1} ${e.kind} (${e.endpoint}): ${answer} — ${l.format(e.reason)}\n`;
  }
  return out;
}

export interface GradedFile { file: string; result: GradeResult }

/** One submission: its score, its changed lines, the blanks not right. */
export function gradeText(g: GradedFile, l: Localizer): string {
  let out = `${l.t('exercise.report.score', { file: g.file, score: g.result.score, max: g.result.max })}\n`;
  for (const p of g.result.problems) out += `${l.t('exercise.report.problem', { line: p.line, message: l.format(p.text) })}\n`;
  for (const b of g.result.blanks) {
    if (b.correct) continue;
    const given = b.given === undefined ? l.t('exercise.report.missing') : b.given === '' || b.given === '?' ? l.t('exercise.report.unfilled') : b.given;
    out += `${l.t('exercise.report.wrong', { line: b.line, column: b.column, kind: b.kind, given, answer: b.answer, feedback: l.format(b.feedback) })}\n`;
  }
  return out;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** `file,score,max` and one 1/0 column per blank (contract 9). */
export function gradeCsv(key: readonly KeyEntry[], graded: readonly GradedFile[]): string {
  const header = ['file', 'score', 'max', ...key.map((e) => `L${e.line + 1}C${e.range.start.character + 1}-${e.kind}`)];
  const rows = graded.map((g) => [csvCell(g.file), g.result.score, g.result.max, ...g.result.blanks.map((b) => (b.correct ? 1 : 0))].join(','));
  return [header.join(','), ...rows].join('\n') + '\n';
}

/** Submissions, mean score, and the blank most often answered wrong. */
export function gradeSummary(key: readonly KeyEntry[], graded: readonly GradedFile[], l: Localizer): string {
  const count = graded.length;
  const max = graded[0]?.result.max ?? key.filter((e) => !e.bad).length;
  const mean = count ? (graded.reduce((s, g) => s + g.result.score, 0) / count).toFixed(2) : '0';
  const wrong = key.map((e) => (e.bad ? -1 : graded.filter((g) => !g.result.blanks[e.index]?.correct).length));
  const worst = wrong.reduce((best, n, i) => (n > (wrong[best] ?? -1) ? i : best), 0);
  if (!count || (wrong[worst] ?? 0) <= 0) return l.t('exercise.report.summaryAllRight', { count, mean, max });
  const e = key[worst]!;
  return l.t('exercise.report.summary', { count, mean, max, line: e.line + 1, kind: e.kind, wrong: wrong[worst]! });
}
