// One way to read arguments for every subcommand: Node's util.parseArgs, with `--help` and `--lang` on
// each, errors turned into one line in the user's language, and the help text built from the table.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { localizer, type Localizer } from '../core/i18n/format.ts';
import { langFromEnv, langOfTag } from '../core/i18n/lang.ts';
import { LANGS } from '../core/i18n/types.ts';
import type { MessageId } from '../core/i18n/catalogs.ts';
import type { CliIO } from './io.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  /** `tcpseq check [--json] FILE...` */
  usage: string;
  summary: MessageId;
  help: MessageId;
  options: Options;
  /** Help line per option (by long name). */
  optionHelp: Record<string, MessageId>;
  run(args: string[], io: CliIO): Promise<number>;
}

export const COMMON_OPTIONS: Options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
};

export class UsageError extends Error {}

export interface Invocation { values: Values; positionals: string[]; l: Localizer }

/** The language: --lang, else the one chosen before the command, else the locale variables. */
export function chooseLang(value: unknown, io: CliIO): Localizer | string {
  if (typeof value === 'string') {
    const lang = langOfTag(value);
    return lang && (LANGS as readonly string[]).includes(value.toLowerCase()) ? localizer(lang) : value;
  }
  return localizer(io.lang ?? langFromEnv(io.env ?? {}));
}

/**
 * Parses a command's arguments. Prints the help and returns 0 for --help; prints one line and returns 2
 * for bad arguments; else the values and positionals.
 */
export function invoke(cmd: Command, args: string[], io: CliIO): Invocation | number {
  const fallback = localizer(io.lang ?? langFromEnv(io.env ?? {}));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...cmd.options }, allowPositionals: true, strict: true });
  } catch (e) {
    io.error(usageLine(cmd, fallback, argumentError(e, fallback)));
    return 2;
  }
  const l = chooseLang(parsed.values.lang, io);
  if (typeof l === 'string') { io.error(usageLine(cmd, fallback, fallback.t('cli.error.lang', { lang: l }))); return 2; }
  if (parsed.values.help) { io.write(helpText(cmd, l)); return 0; }
  return { values: parsed.values as Values, positionals: parsed.positionals, l };
}

function argumentError(e: unknown, l: Localizer): string {
  const err = e as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return l.t('cli.error.unknownOption', { option: option.split(/\s/)[0]! });
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return l.t('cli.error.optionValue', { option: option.split(/\s/)[0]! });
  return l.t('cli.error.badArgument', { detail: (err.message ?? String(e)).split('\n')[0]! });
}

export function usageLine(cmd: Command, l: Localizer, message: string): string {
  return `tcpseq ${cmd.name}: ${l.t('cli.error.usage', { message, usage: cmd.usage })}`;
}

export function helpText(cmd: Command, l: Localizer): string {
  const rows = Object.entries({ ...cmd.options, ...COMMON_OPTIONS }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    const help = name === 'help' ? l.t('cli.opt.help') : name === 'lang' ? l.t('cli.opt.lang') : cmd.optionHelp[name] ? l.t(cmd.optionHelp[name]!) : '';
    return `  ${flag.padEnd(22)} ${help}`;
  });
  return `${l.t('cli.usage.usage')} ${cmd.usage}\n\n${l.t(cmd.summary)}\n${l.t(cmd.help)}\n\n${l.t('cli.usage.options')}\n${rows.join('\n')}\n`;
}

/** A short reason for a file error, in the user's language. */
export function fileReason(e: unknown, l: Localizer): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return l.t('cli.reason.noFile');
  if (err?.code === 'EISDIR') return l.t('cli.reason.isDirectory');
  if (err?.code === 'EACCES') return l.t('cli.reason.denied');
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

/** Reads a file (`-` is standard input); on failure prints one line and returns undefined. */
export async function readText(file: string, cmd: string, io: CliIO, l: Localizer): Promise<string | undefined> {
  try {
    return file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (e) {
    io.error(`tcpseq ${cmd}: ${l.t('cli.error.cannotRead', { file, reason: fileReason(e, l) })}`);
    return undefined;
  }
}

/** Files given on the command line, a folder standing for the .tcpseq files in it (sorted). */
export async function expandFolders(paths: readonly string[]): Promise<{ files: string[]; empty: string[] }> {
  const files: string[] = [];
  const empty: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try { isDir = p !== '-' && (await stat(p)).isDirectory(); } catch { /* read later, reported there */ }
    if (!isDir) { files.push(p); continue; }
    const inside = (await readdir(p)).filter((f) => f.endsWith('.tcpseq')).sort().map((f) => join(p, f));
    if (inside.length === 0) empty.push(p);
    files.push(...inside);
  }
  return { files, empty };
}
