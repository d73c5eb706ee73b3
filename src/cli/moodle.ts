// `tcpseq moodle FILE... -o quiz.xml`: exercises (or their variants) as Moodle XML, one Cloze question each.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { moodleQuiz, type MoodleSource } from '../core/exercise/index.ts';
import { expandFolders, fileReason, invoke, readText, usageLine, type Command } from './command.ts';
import type { CliIO } from './io.ts';

export const moodleCommand: Command = {
  name: 'moodle',
  usage: 'tcpseq moodle FILE... -o quiz.xml',
  summary: 'cli.cmd.moodle',
  help: 'cli.help.moodle',
  options: { output: { type: 'string', short: 'o' } },
  optionHelp: { output: 'cli.opt.output' },
  run: (args, io) => runMoodle(args, io),
};

export async function runMoodle(args: string[], io: CliIO): Promise<number> {
  const inv = invoke(moodleCommand, args, io);
  if (typeof inv === 'number') return inv;
  const { values, positionals, l } = inv;
  if (positionals.length === 0) { io.error(usageLine(moodleCommand, l, l.t('cli.error.noFile'))); return 2; }
  const { files, empty } = await expandFolders(positionals);
  for (const folder of empty) { io.error(`tcpseq moodle: ${l.t('cli.error.noSubmissions', { file: folder })}`); return 2; }
  const sources: MoodleSource[] = [];
  for (const file of files) {
    const text = await readText(file, 'moodle', io, l);
    if (text === undefined) return 2;
    sources.push({ name: file === '-' ? 'stdin' : basename(file).replace(/\.tcpseq$/, ''), text });
  }
  const xml = moodleQuiz(sources, l.lang);
  const out = values.output as string | undefined;
  if (out === undefined || out === '-') { io.write(xml); return 0; }
  try {
    await writeFile(out, xml, 'utf8');
  } catch (e) {
    io.error(`tcpseq moodle: ${l.t('cli.error.cannotWrite', { file: out, reason: fileReason(e, l) })}`);
    return 2;
  }
  io.error(l.t('cli.moodle.wrote', { count: sources.length, file: out }));
  return 0;
}
