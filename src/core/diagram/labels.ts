// The words of the diagram: arrow labels, state notes, finding notes. Plain text; the renderer escapes it.
import type { Analysis, Diagnostic, SegmentResult } from '../analysis.ts';
import type { ActionStatement } from '../syntax/syntax.ts';

const DATA_PREVIEW = 24;
export const NOTE_WIDTH = 56;
const FINDING_LENGTH = 100;

/** `SYN+ACK seq=y ack=x+1 len=5 "hello"`: the flags and the values the validator used. */
export function segmentLabel(analysis: Analysis, result: SegmentResult): string {
  const s = result.statement;
  const parts: string[] = [s.flags.length ? s.flags.join('+') : s.flagTokens.map((t) => t.text).join(' ') || '(no flags)'];
  // Values as written (`ack=x+1` stays `x+1` even when a later symbol names it); filled-in ones as the file would.
  const seq = s.seq?.text ?? (result.seq ? analysis.format(result.seq) : undefined);
  if (seq !== undefined) parts.push(`seq=${seq}`);
  if (s.flags.includes('ACK') || s.ack) {
    const ack = s.ack?.text ?? (result.ack ? analysis.format(result.ack) : undefined);
    if (ack !== undefined) parts.push(`ack=${ack}`);
  }
  if (s.len > 0) parts.push(`len=${s.len}`);
  if (s.data !== undefined && s.data.length > 0) parts.push(`"${clip(s.data, DATA_PREVIEW)}"`);
  if (s.win !== undefined) parts.push(`win=${s.win}`);
  return parts.join(' ');
}

export function actionText(s: ActionStatement): string {
  return s.action === 'wait' ? 'wait 2MSL' : s.action;
}

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** One finding as note lines: `✖ wrong-ack: ack should be x+1, …` wrapped, long messages shortened. */
export function findingLines(d: Pick<Diagnostic, 'code' | 'severity' | 'message'>): string[] {
  return wrap(`${MARK[d.severity]} ${d.code}: ${clip(d.message, FINDING_LENGTH)}`, NOTE_WIDTH);
}

export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

/** Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
