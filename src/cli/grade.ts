// `tcpseq grade [--json|--csv] EXERCISE SUBMISSION...` (contract 9): every submission (or folder of
// them) against one exercise, the key computed once; a closing summary line.
import { gradeCsv, gradeSubmission, gradeSummary, gradeText, prepareExercise, type GradedFile } from '../core/exercise/index.ts';
import { localizer, type Localizer } from '../core/i18n/format.ts';
import { expandFolders, invoke, readText, usageLine, type Command } from './command.ts';
import type { CliIO } from './io.ts';

export const gradeCommand: Command = {
  name: 'grade',
  usage: 'tcpseq grade [--json|--csv] EXERCISE SUBMISSION...',
  summary: 'cli.cmd.grade',
  help: 'cli.help.grade',
  options: { json: { type: 'boolean' }, csv: { type: 'boolean' } },
  optionHelp: { json: 'cli.opt.json', csv: 'cli.opt.csv' },
  run: (args, io) => runGrade(args, io),
};

export function gradeJson(g: GradedFile, l: Localizer) {
  return {
    file: g.file, score: g.result.score, max: g.result.max,
    blanks: g.result.blanks.map((b) => ({
      line: b.line, column: b.column, kind: b.kind, answer: b.answer, given: b.given ?? null, correct: b.correct, feedback: l.format(b.feedback),
    })),
    problems: g.result.problems.map((p) => ({ line: p.line, code: p.code, message: l.format(p.text) })),
  };
}

export async function runGrade(args: string[], io: CliIO): Promise<number> {
  const inv = invoke(gradeCommand, args, io);
  if (typeof inv === 'number') return inv;
  const { values, positionals, l } = inv;
  const fail = (m: string) => { io.error(usageLine(gradeCommand, l, m)); return 2; };
  if (values.json && values.csv) return fail(l.t('cli.error.jsonCsv'));
  if (positionals.length < 2) return fail(l.t('cli.error.tooFew'));
  const [exerciseFile, ...rest] = positionals as [string, ...string[]];
  const exerciseText = await readText(exerciseFile, 'grade', io, l);
  if (exerciseText === undefined) return 2;
  const exercise = prepareExercise(exerciseText);
  const key = exercise.analysis.exercise.key;
  if (key.length === 0) { io.error(`tcpseq grade: ${l.t('cli.error.noExercise', { file: exerciseFile })}`); return 2; }
  const { files, empty } = await expandFolders(rest);
  let failed = false;
  for (const folder of empty) { io.error(`tcpseq grade: ${l.t('cli.error.noSubmissions', { file: folder })}`); failed = true; }
  const graded: GradedFile[] = [];
  for (const file of files) {
    const text = await readText(file, 'grade', io, l);
    if (text === undefined) { failed = true; continue; }
    const result = gradeSubmission(exercise, text);
    graded.push({ file, result });
    if (!values.json && !values.csv) io.write(gradeText({ file, result }, l));
  }
  // JSON is for programs: English unless --lang asks for another language (as `check --json`).
  const jsonL = typeof values.lang === 'string' ? l : localizer('en');
  if (values.json) io.write(JSON.stringify(graded.map((g) => gradeJson(g, jsonL)), null, 2) + '\n');
  if (values.csv) io.write(gradeCsv(key, graded));
  const summary = gradeSummary(key, graded, l);
  // The summary closes the text output; beside JSON or CSV (for programs) it goes to stderr.
  if (values.json || values.csv) io.error(summary); else io.write(`${summary}\n`);
  return failed ? 2 : 0;
}
