// `tcpseq vary FILE --count N [--seed S] [--roster students.csv] [--wrap] -o DIR`: one variant of an
// exercise per student (new random initial sequence numbers, reproducible from the seed), each with
// its key.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { analyzeExercise, keyText, makeVariant, seededRandom } from '../core/exercise/index.ts';
import { fileReason, invoke, readText, usageLine, type Command } from './command.ts';
import type { CliIO } from './io.ts';

export const varyCommand: Command = {
  name: 'vary',
  usage: 'tcpseq vary FILE --count N [--seed S] [--roster students.csv] [--wrap] -o DIR',
  summary: 'cli.cmd.vary',
  help: 'cli.help.vary',
  options: {
    count: { type: 'string', short: 'n' }, seed: { type: 'string' }, roster: { type: 'string' },
    wrap: { type: 'boolean' }, output: { type: 'string', short: 'o' },
  },
  optionHelp: { count: 'cli.opt.count', seed: 'cli.opt.seed', roster: 'cli.opt.roster', wrap: 'cli.opt.wrap', output: 'cli.opt.outputDir' },
  run: (args, io) => runVary(args, io),
};

const HEADER = /^(name|student|students|姓名|学生|学号|id)$/i;

/** Student names: the first cell of each line of a CSV file (a header line such as `name,…` skipped). */
export function rosterNames(csv: string): string[] {
  const names: string[] = [];
  for (const line of csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    let cell: string;
    if (line.startsWith('"')) {
      const m = /^"((?:[^"]|"")*)"/.exec(line);
      cell = m ? m[1]!.replace(/""/g, '"') : line.slice(1);
    } else {
      cell = line.split(/[,;\t]/)[0]!;
    }
    cell = cell.trim();
    if (cell && !(names.length === 0 && HEADER.test(cell))) names.push(cell);
  }
  return names;
}

/** A file name for a student: letters and digits of any script kept, the rest made `_`. */
export function fileNameFor(name: string, taken: Set<string>): string {
  const base = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+|_+$/g, '') || 'student';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base}-${i}`;
  taken.add(out.toLowerCase());
  return out;
}

export async function runVary(args: string[], io: CliIO): Promise<number> {
  const inv = invoke(varyCommand, args, io);
  if (typeof inv === 'number') return inv;
  const { values, positionals, l } = inv;
  const fail = (m: string) => { io.error(usageLine(varyCommand, l, m)); return 2; };
  if (positionals.length !== 1) return fail(l.t(positionals.length ? 'cli.error.oneFile' : 'cli.error.noFile', { command: 'vary' }));
  const dir = values.output as string | undefined;
  if (!dir) return fail(l.t('cli.error.noOutput'));
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= 10000)) return fail(l.t('cli.error.count'));
  let names: string[] | undefined;
  if (typeof values.roster === 'string') {
    const csv = await readText(values.roster, 'vary', io, l);
    if (csv === undefined) return 2;
    names = rosterNames(csv);
    if (names.length === 0) { io.error(`tcpseq vary: ${l.t('cli.error.emptyRoster', { file: values.roster })}`); return 2; }
  }
  if (count === undefined && !names) return fail(l.t('cli.error.count'));
  const file = positionals[0]!;
  const text = await readText(file, 'vary', io, l);
  if (text === undefined) return 2;
  if (analyzeExercise(text).exercise.key.length === 0) { io.error(`tcpseq vary: ${l.t('cli.error.noExercise', { file })}`); return 2; }
  const n = names ? Math.min(names.length, count ?? names.length) : count!;
  const seed = typeof values.seed === 'string' ? values.seed : 'tcpseq';
  const taken = new Set<string>();
  try {
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < n; i++) {
      const student = names?.[i] ?? `variant-${String(i + 1).padStart(String(n).length < 2 ? 2 : String(n).length, '0')}`;
      const name = fileNameFor(student, taken);
      const variant = makeVariant(text, { random: seededRandom(`${seed}:${student}`), wrap: values.wrap === true });
      const who = names ? `for ${student.replace(/[\r\n]/g, ' ')}` : String(i + 1);
      const full = `# ${basename(file)}: variant ${who} (seed ${seed}${values.wrap ? ', wrap' : ''})\n${variant}`;
      await writeFile(join(dir, `${name}.tcpseq`), full, 'utf8');
      const { exercise } = analyzeExercise(full);
      await writeFile(join(dir, `${name}.key.txt`), keyText(`${name}.tcpseq`, exercise.key, exercise.mode, l), 'utf8');
    }
  } catch (e) {
    io.error(`tcpseq vary: ${l.t('cli.error.cannotWrite', { file: dir, reason: fileReason(e, l) })}`);
    return 2;
  }
  io.error(l.t('cli.vary.wrote', { count: n, dir }));
  return 0;
}
