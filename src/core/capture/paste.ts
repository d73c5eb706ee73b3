// tcpdump lines pasted into a tcpseq file: find them, and turn them into tcpseq (the editor's paste edit
// and quick fix "Convert tcpdump output").
import { formatText, t } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';
import { importCapture } from './import.ts';
import { chunksOf } from './reader.ts';

/** A tcpdump segment line: `SRC.PORT > DST.PORT: Flags [..]`. */
export const TCPDUMP_SEGMENT = /(?:^|\s)\S+\.\d+ > \S+\.\d+: Flags \[[^\]]*\]/;

/** The lines from the first tcpdump segment line to the last one (0-based, inclusive), or undefined. */
export function tcpdumpSpan(lines: readonly string[]): { first: number; last: number; count: number } | undefined {
  let first = -1, last = -1, count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!TCPDUMP_SEGMENT.test(lines[i])) continue;
    if (first < 0) first = i;
    last = i; count++;
  }
  return count ? { first, last, count } : undefined;
}

/** The first connection of pasted tcpdump text as a tcpseq file (a note says how many more there are). */
export async function convertTcpdumpText(text: string, lang: Lang): Promise<string | undefined> {
  if (!tcpdumpSpan(text.split(/\r?\n/))) return undefined;
  const r = await importCapture(chunksOf(new TextEncoder().encode(text)), 1, { lang, source: formatText(lang, t('capture.paste.source')) });
  if (!r.converted) return undefined;
  const more = r.total > 1 ? `# ${formatText(lang, t('capture.paste.more', { count: r.total - 1 }))}\n` : '';
  return more + r.converted.text;
}
