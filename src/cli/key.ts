// `tcpseq key [--json] FILE`: the answer key of an exercise (contract 9).
import { analyzeExercise, keyText, type KeyEntry } from '../core/exercise/index.ts';

export { keyText };
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
    ? JSON.stringify(exercise.key.map((e) => keyJson(e, typeof values.lang === 'string' ? l : localizer('en'))), null, 2) + '\n'
    : keyText(file, exercise.key, exercise.mode, l));
  return exercise.key.some((e) => e.bad) ? 1 : 0;
}
