// `tcpseq check [--json] FILE...` (contract section 6). A file with blanks is an exercise: it is checked
// with every blank at its answer (contract 9), and a blank with no right answer is `bad-blank`.
import { analyze, type Analysis } from '../core/index.ts';
import { analyzeExercise, mayBeExercise } from '../core/exercise/index.ts';
import type { Localizer } from '../core/i18n/format.ts';
import { invoke, readText, usageLine, type Command } from './command.ts';
import type { CliIO } from './io.ts';

export interface CheckedFile {
  file: string;
  diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
  steps: { line: number; states: Record<string, string> }[];
  final: Record<string, string>;
}

/** Checks a text: an exercise through analyzeExercise, any other file through analyze. */
export function checkText(text: string): Analysis {
  return mayBeExercise(text) ? analyzeExercise(text) : analyze(text);
}

/** The contract's JSON shape for one file. Messages in English unless a language is given. */
export function toJson(file: string, a: Analysis, l?: Localizer): CheckedFile {
  const names = a.endpoints.map((e) => e.name);
  const byName = (states: readonly string[]) => {
    const o: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) o[names[i]!] = states[i]!;
    return o;
  };
  return {
    file,
    diagnostics: a.diagnostics.map((d) => ({
      line: d.range.start.line + 1, column: d.range.start.character + 1,
      endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      severity: d.severity, code: d.code, message: l ? l.format(d.text) : d.message,
    })),
    steps: a.steps.map((s) => ({ line: s.line + 1, states: byName(s.states) })),
    final: byName(a.final),
  };
}

export function toText(file: string, a: Analysis, l?: Localizer): string {
  let out = '';
  for (const d of a.diagnostics) {
    out += `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${l ? l.format(d.text) : d.message}\n`;
  }
  return out;
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'tcpseq check [--json] FILE...',
  summary: 'cli.cmd.check',
  help: 'cli.help.check',
  options: { json: { type: 'boolean' } },
  optionHelp: { json: 'cli.opt.json' },
  run: (args, io) => runCheck(args, io),
};

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const inv = invoke(checkCommand, args, io);
  if (typeof inv === 'number') return inv;
  const { values, positionals: files, l } = inv;
  if (files.length === 0) { io.error(usageLine(checkCommand, l, l.t('cli.error.noFile'))); return 2; }
  // JSON is for programs: English messages (the contract's), unless --lang asks for another language.
  const jsonLang = typeof values.lang === 'string' ? l : undefined;
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  const results: CheckedFile[] = [];
  let text = '';
  for (const file of files) {
    const source = await readText(file, 'check', io, l);
    if (source === undefined) { unreadable = true; continue; }
    const a = checkText(source);
    for (const d of a.diagnostics) { if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; }
    if (values.json) results.push(toJson(file, a, jsonLang));
    else text += toText(file, a, l);
  }
  io.write(values.json ? JSON.stringify(results, null, 2) + '\n' : text);
  if (io.interactive) io.error(l.t('cli.check.summary', { files: files.length, errors, warnings }));
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}
