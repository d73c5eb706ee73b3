// The words of the diagram: arrow labels, state notes, finding notes. Plain text; the renderer escapes it.
import type { Analysis, Diagnostic, SegmentResult } from '../analysis.ts';
import type { Value } from '../sequence.ts';
import { formatText, t } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';
import type { ActionStatement } from '../syntax/syntax.ts';
import type { MessageKind } from './types.ts';

const DATA_PREVIEW = 24;
export const NOTE_WIDTH = 56;
const FINDING_LENGTH = 100;

/** `SYN+ACK seq=y ack=x+1 len=5 "hello"`: the flags and the values the validator used. */
export function segmentLabel(analysis: Analysis, result: SegmentResult, lang: Lang = 'en'): string {
  const s = result.statement;
  const parts: string[] = [s.flags.length ? s.flags.join('+') : s.flagTokens.map((tok) => tok.text).join(' ') || diagramWord(lang, 'noFlags')];
  // Values as written (`ack=x+1` stays `x+1` even when a later symbol names it); filled-in ones as the file would.
  const seq = s.seq?.text ?? shown(analysis, result.seq);
  if (seq !== undefined) parts.push(`seq=${seq}`);
  if (s.flags.includes('ACK') || s.ack) {
    const ack = s.ack?.text ?? shown(analysis, result.ack);
    if (ack !== undefined) parts.push(`ack=${ack}`);
  }
  if (s.len > 0) parts.push(`len=${s.len}`);
  if (s.data !== undefined && s.data.length > 0) parts.push(`"${clip(s.data, DATA_PREVIEW)}"`);
  if (s.win !== undefined) parts.push(`win=${s.win}`);
  return parts.join(' ');
}

/** A filled-in value in the file's notation; nothing for a number the file never named (an internal unknown). */
function shown(analysis: Analysis, v: Value | undefined): string | undefined {
  if (!v) return undefined;
  return v.base === undefined || /^[A-Za-z_][A-Za-z0-9_]*$/.test(v.base) ? analysis.format(v) : undefined;
}

export function actionText(s: ActionStatement, lang: Lang = 'en'): string {
  if (s.action === 'crash') return `✸ ${formatText(lang, t('diagram.crash'))}`;
  return s.action === 'wait' ? 'wait 2MSL' : s.action;
}

/** A fixed word of the diagram in a language (`diagram.oldDuplicate`, …). */
export function diagramWord(lang: Lang, id: string, params?: Parameters<typeof t>[1]): string {
  return formatText(lang, t(`diagram.${id}`, params));
}

/** How an arrow travels, in words (for hovers, tooltips and exported pages). */
export function messageKindText(kind: MessageKind, lang: Lang = 'en', old = false): string {
  if (old) return diagramWord(lang, 'kind.old');
  return diagramWord(lang, { 'delivered': 'kind.delivered', 'lost': 'kind.lost', 'late': 'kind.late', 'in-flight': 'kind.inFlight' }[kind]);
}

/** The diagram's title, or a default one when the file gives none. */
export function diagramTitle(title: string | undefined, lang: Lang = 'en'): string {
  return title?.trim() ? title : diagramWord(lang, 'untitled');
}

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** One finding as note lines: `✖ wrong-ack: ack should be x+1, …` wrapped, long messages shortened. */
export function findingLines(d: Pick<Diagnostic, 'code' | 'severity' | 'message'> & { text?: Diagnostic['text'] }, lang: Lang = 'en'): string[] {
  const message = lang !== 'en' && d.text ? formatText(lang, d.text) : d.message;
  return wrap(`${MARK[d.severity]} ${d.code}: ${clip(message, FINDING_LENGTH)}`, NOTE_WIDTH);
}

export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

/**
 * Breaks text into lines of at most `width` columns at spaces (a longer word gets a line of its own). Chinese,
 * Japanese and Korean characters take two columns and a line may break between any two of them, since such
 * text has no spaces.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (WIDE.test(word)) {
      if (line && used + 2 < width) { line += ' '; used++; } else if (line) { lines.push(line); line = ''; used = 0; }
      for (const ch of word) {
        const w = WIDE.test(ch) ? 2 : 1;
        if (used + w > width && line) { lines.push(line); line = ''; used = 0; }
        line += ch;
        used += w;
      }
      continue;
    }
    if (line && used + 1 + word.length > width) { lines.push(line); line = word; used = word.length; }
    else { line = line ? `${line} ${word}` : word; used += (used ? 1 : 0) + word.length; }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
