// The whole import as the CLI and the editor use it: list the connections, or convert one.
import { formatText, t } from '../i18n/format.ts';
import type { Lang, Text } from '../i18n/types.ts';
import { addressLabel, collectConnection, type ConnectionSummary } from './connections.ts';
import { convertConnection, type Converted, type ConvertOptions } from './convert.ts';
import type { CaptureProblem, ReadStats } from './types.ts';

export interface ImportResult {
  /** The tcpseq text, when the connection exists. */
  converted?: Converted;
  summary?: ConnectionSummary;
  /** Connections in the input. */
  total: number;
  stats: ReadStats;
  /** The error that stopped the reading (the packets before it were used). */
  error?: CaptureProblem;
  segments: number;
}

/** Reads the input once and converts connection `index` (1-based, default 1). */
export async function importCapture(source: AsyncIterable<Uint8Array>, index = 1, options: ConvertOptions = {}): Promise<ImportResult> {
  const c = await collectConnection(source, index);
  const base = { total: c.total, stats: c.stats, error: c.error, segments: c.packets.length };
  if (!c.summary) return base;
  return { ...base, summary: c.summary, converted: convertConnection(c.summary, c.packets, { ...options, total: c.total }) };
}

/** "packet 12 (byte 3456): the file ends inside …", in the language asked for. */
export function describeProblem(problem: CaptureProblem, format: ReadStats['format'], lang: Lang): string {
  const where: Text = problem.packet !== undefined
    ? (format === 'tcpdump' ? t('capture.where.line', { packet: problem.packet }) : t('capture.where.packet', { packet: problem.packet, offset: problem.offset ?? 0 }))
    : t('capture.where.offset', { offset: problem.offset ?? 0 });
  return formatText(lang, t('capture.problem', { where, message: problem.text }));
}

/** A time of day in UTC with the source's precision: 17:55:31.378542 (or "-" without a time). */
export function clockTime(seconds: number, digits = 6): string {
  if (!Number.isFinite(seconds)) return '-';
  const whole = Math.floor(seconds);
  const d = new Date(whole * 1000);
  const frac = (seconds - whole).toFixed(Math.min(digits, 6)).slice(1);
  return `${d.toISOString().slice(11, 19)}${frac}`;
}

/** One line of `tcpseq import --list`, also the QuickPick entry of the editor. */
export function describeConnection(c: ConnectionSummary, lang: Lang): string {
  return formatText(lang, t('capture.list.row', {
    index: c.index, client: addressLabel(c.client), server: addressLabel(c.server), packets: c.packets,
    first: clockTime(c.firstTime), last: clockTime(c.lastTime),
    handshake: t(c.handshake ? 'capture.list.handshake.yes' : 'capture.list.handshake.no'),
    close: t(`capture.list.close.${c.close}`), bytesClient: c.bytes[0], bytesServer: c.bytes[1],
  }));
}

/** The `--list --json` object of one connection. */
export function connectionJson(c: ConnectionSummary): Record<string, unknown> {
  return {
    index: c.index, client: addressLabel(c.client), server: addressLabel(c.server),
    clientAddress: c.client.addr, clientPort: c.client.port, serverAddress: c.server.addr, serverPort: c.server.port,
    packets: c.packets, firstPacket: c.firstPacket, lastPacket: c.lastPacket,
    firstTime: Number.isFinite(c.firstTime) ? c.firstTime : null, lastTime: Number.isFinite(c.lastTime) ? c.lastTime : null,
    handshake: c.handshake, close: c.close, bytesClientToServer: c.bytes[0], bytesServerToClient: c.bytes[1],
  };
}
