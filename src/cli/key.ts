// `tcpseq key [--json] FILE`: the answer key of an exercise (contract 9).
import { analyzeExercise, type KeyEntry } from '../core/exercise/index.ts';
import { localizer, type Localizer } from '../core/i18n/format.ts';
import { invoke, readText, usageLine, type Command } from './command.ts';
import type { CliIO } from './io.ts';

export const keyCommand: Command = {
  name: 'key',
  usage: 'tcpseq key [--json] FILE',
  summary: 'cli.cmd.key',
  help: 'cli.help.key',
  options: { json: { type: 'boolean' } },
  optionHelp: { json: 'cli.opt.json' },
  run: (args, io) => runKey(args, io),
};

export interface KeyJson {
  line: number; column: number; kind: string; endpoint: string; answer: string; reason: string;
  number?: number; alternatives?: string[]; atLeast?: boolean; bad?: boolean;
}

export function keyJson(e: KeyEntry, l: Localizer): KeyJson {
  return {
    line: e.line + 1, column: e.range.start.character + 1, kind: e.kind, endpoint: e.endpoint, answer: e.answer,
    reason: l.format(e.reason),
    ...(e.number !== undefined && !e.any ? { number: e.number } : {}),
    ...(e.alternatives && e.alternatives.length > 1 ? { alternatives: e.alternatives } : {}),
    ...(e.atLeast ? { atLeast: true } : {}),
    ...(e.bad ? { bad: true } : {}),
  };
}

/** The key as text: one line per blank. */
export function keyText(file: string, key: readonly KeyEntry[], mode: string, l: Localizer): string {
  let out = `${l.t('cli.key.header', { file, count: key.length, mode })}\n`;
  for (const e of key) {
    const answer = e.bad ? l.t('cli.key.bad') : e.any ? l.t('exercise.any') : e.atLeast ? l.t('exercise.atLeast', { answer: e.answer }) : e.answer;
    out += `${e.line + 1}:${e.range.start.character + 1} ${e.kind} (${e.endpoint}): ${answer} — ${l.format(e.reason)}\n`;
  }
  return out;
}

export async function runKey(args: string[], io: CliIO): Promise<number> {
  const inv = invoke(keyCommand, args, io);
  if (typeof inv === 'number') return inv;
  const { values, positionals, l } = inv;
  if (positionals.length !== 1) { io.error(usageLine(keyCommand, l, l.t(positionals.length ? 'cli.error.oneFile' : 'cli.error.noFile', { command: 'key' }))); return 2; }
  const file = positionals[0]!;
  const text = await readText(file, 'key', io, l);
  if (text === undefined) return 2;
  const { exercise } = analyzeExercise(text);
  if (exercise.key.length === 0) { io.error(`tcpseq key: ${l.t('cli.error.noExercise', { file })}`); return 2; }
  io.write(values.json
    ? JSON.stringify({ file, mode: exercise.mode, ...(exercise.title ? { title: exercise.title } : {}), blanks: exercise.key.map((e) => keyJson(e, typeof values.lang === 'string' ? l : localizer('en'))) }, null, 2) + '\n'
    : keyText(file, exercise.key, exercise.mode, l));
  return exercise.key.some((e) => e.bad) ? 1 : 0;
}
