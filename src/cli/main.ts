// The `tcpseq` command line: the same core as the extension. One table of subcommands; every one reads
// its arguments with util.parseArgs (command.ts) and has its own --help.
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { localizer } from '../core/i18n/format.ts';
import { langFromEnv } from '../core/i18n/lang.ts';
import { checkCommand } from './check.ts';
import { chooseLang, type Command } from './command.ts';
import { gradeCommand } from './grade.ts';
import { importCommand } from './import.ts';
import { processIO, type CliIO } from './io.ts';
import { keyCommand } from './key.ts';
import { moodleCommand } from './moodle.ts';
import { renderCommand } from './render.ts';
import { varyCommand } from './vary.ts';

/** The subcommands, in the order `tcpseq --help` lists them. */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  renderCommand,
  keyCommand,
  gradeCommand,
  varyCommand,
  moodleCommand,
  importCommand,
];

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string' },
} as const;

function usage(io: CliIO, lang: ReturnType<typeof localizer>): string {
  const rows = COMMANDS.map((c) => `  ${c.usage}\n      ${lang.t(c.summary)}`);
  return `${lang.t('cli.usage.header', { version })}\n\n${lang.t('cli.usage.usage')}\n${rows.join('\n')}\n  tcpseq --help | --version\n\n${lang.t('cli.usage.footer')}\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  // Global options stand before the command name (`tcpseq --lang zh-cn check a.tcpseq`).
  const { tokens } = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const name = tokens.find((t) => t.kind === 'positional');
  const before = name ? argv.slice(0, name.index) : argv;
  const fallback = localizer(io.lang ?? langFromEnv(io.env ?? {}));
  let globals: { help?: boolean; version?: boolean; lang?: string };
  try {
    globals = parseArgs({ args: before, options: GLOBAL_OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (e) {
    const option = /'([^'\s]+)/.exec((e as Error).message)?.[1] ?? before.join(' ');
    io.error(`tcpseq: ${fallback.t('cli.error.unknownOption', { option })}`);
    return 2;
  }
  const l = chooseLang(globals.lang, io);
  if (typeof l === 'string') { io.error(`tcpseq: ${fallback.t('cli.error.lang', { lang: l })}`); return 2; }
  if (globals.version) { io.write(`${version}\n`); return 0; }
  if (globals.help || name?.value === 'help') { io.write(usage(io, l)); return 0; }
  if (!name) { io.error(`tcpseq: ${l.t('cli.error.noCommand')}`); return 2; }
  const command = COMMANDS.find((c) => c.name === name.value);
  if (!command) {
    io.error(`tcpseq: ${l.t('cli.error.unknownCommand', { command: name.value, commands: COMMANDS.map((c) => c.name).join(', ') })}`);
    return 2;
  }
  const rest = argv.slice(name.index + 1);
  return command.run(globals.lang === undefined ? rest : ['--lang', globals.lang, ...rest], io);
}

// Run when this is the program (the bundle dist/cli.js), not when a test imports it. The exit code is
// set instead of calling process.exit(), so piped output is never cut short.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  main(process.argv.slice(2), processIO()).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`tcpseq: ${localizer(langFromEnv(process.env)).t('cli.error.internal', { message })}\n`);
      process.exitCode = 2;
    },
  );
}
