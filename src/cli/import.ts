// `tcpseq import --list [--json] FILE` and `tcpseq import FILE [--connection N] [--numbers ...] [--side ...] [-o OUT]`:
// captures (pcap, pcapng, tcpdump -n text) as tcpseq files. The file is read as a stream of 1 MiB chunks.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  connectionJson, describeConnection, describeProblem, importCapture, listConnections,
  type CaptureSide, type NumberStyle, type ReadResult,
} from '../core/capture/index.ts';
import { fileReason, invoke, type Command } from './command.ts';
import type { CliIO } from './io.ts';
import type { Localizer } from '../core/i18n/format.ts';

const NUMBERS: readonly NumberStyle[] = ['symbolic', 'relative', 'absolute'];
const SIDES: readonly CaptureSide[] = ['auto', 'client', 'server'];

export const importCommand: Command = {
  name: 'import',
  usage: 'tcpseq import --list [--json] FILE | tcpseq import FILE [--connection N] [--numbers symbolic|relative|absolute] [--side auto|client|server] [-o OUT]',
  summary: 'capture.cli.summary',
  help: 'capture.cli.help',
  options: {
    list: { type: 'boolean' },
    json: { type: 'boolean' },
    connection: { type: 'string', short: 'c' },
    numbers: { type: 'string' },
    side: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  optionHelp: {
    list: 'capture.cli.opt.list', json: 'cli.opt.json', connection: 'capture.cli.opt.connection',
    numbers: 'capture.cli.opt.numbers', side: 'capture.cli.opt.side', output: 'cli.opt.output',
  },
  run: runImport,
};

/** The file as chunks; `-` is standard input. */
function open(file: string): AsyncIterable<Uint8Array> {
  return file === '-' ? (process.stdin as AsyncIterable<Uint8Array>) : createReadStream(file, { highWaterMark: 1 << 20 });
}

export async function runImport(args: string[], io: CliIO): Promise<number> {
  const parsed = invoke(importCommand, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, l } = parsed;
  const fail = (message: string): number => { io.error(`tcpseq import: ${message}`); return 2; };
  if (positionals.length !== 1) return fail(l.t('capture.cli.noFile'));
  const file = positionals[0]!;
  const numbers = (values.numbers ?? 'symbolic') as NumberStyle;
  if (!NUMBERS.includes(numbers)) return fail(l.t('capture.cli.badChoice', { option: 'numbers', choices: NUMBERS.join('|'), found: String(values.numbers) }));
  const side = (values.side ?? 'auto') as CaptureSide;
  if (!SIDES.includes(side)) return fail(l.t('capture.cli.badChoice', { option: 'side', choices: SIDES.join('|'), found: String(values.side) }));
  const connection = values.connection === undefined ? 1 : Number(values.connection);
  if (!Number.isInteger(connection) || connection < 1) return fail(l.t('capture.cli.badConnection', { found: String(values.connection) }));
  const name = file === '-' ? '-' : basename(file);

  try {
    if (values.list) {
      const r = await listConnections(open(file));
      if (values.json) io.write(JSON.stringify(r.connections.map(connectionJson), null, 2) + '\n');
      else {
        if (r.connections.length) io.write(l.t('capture.list.header', { file: name, count: r.connections.length, format: r.stats.format, packets: r.stats.packets }) + '\n');
        for (const c of r.connections) io.write(describeConnection(c, l.lang) + '\n');
        if (r.connections.length && (r.stats.notTcp || r.stats.cut)) io.write(l.t('capture.list.skipped', { notTcp: r.stats.notTcp, cut: r.stats.cut }) + '\n');
      }
      reportWarnings(r, name, io, l);
      if (r.connections.length === 0) return r.error ? 1 : fail(noneMessage(r, name, l));
      return r.error ? 1 : 0;
    }
    const r = await importCapture(open(file), connection, { numbers, side, lang: l.lang, source: name });
    reportWarnings(r, name, io, l);
    if (!r.converted) {
      if (r.total === 0) return r.error ? 1 : fail(noneMessage(r, name, l));
      return fail(l.t('capture.cli.noConnection', { index: connection, file: name, total: r.total }));
    }
    if (typeof values.output === 'string') {
      await writeFile(values.output, r.converted.text);
      if (io.interactive) io.error(l.t('capture.cli.wrote', { out: values.output, index: connection, total: r.total, segments: r.segments }));
    } else io.write(r.converted.text);
    return r.error ? 1 : 0;
  } catch (e) {
    return fail(l.t('capture.cli.readError', { file, reason: fileReason(e, l) }));
  }
}

function noneMessage(r: ReadResult, file: string, l: Localizer): string {
  return r.stats.format === 'tcpdump' ? l.t('capture.list.noTcpLines', { file, lines: r.stats.packets }) : l.t('capture.list.none', { file });
}

function reportWarnings(r: ReadResult, name: string, io: CliIO, l: Localizer): void {
  for (const w of r.stats.warnings) io.error(`tcpseq import: ${name}: ${describeProblem(w, r.stats.format, l.lang)}`);
  if (r.error) io.error(`tcpseq import: ${name}: ${l.t('capture.cli.stopped', { problem: describeProblem(r.error, r.stats.format, l.lang) })}`);
}
