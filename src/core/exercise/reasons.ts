// One sentence per answer, for a student: why the answer is what it is (RFC 9293 sections cited where
// they help). Built as message ids + parameters (catalog/exercise.*.ts).
import type { Analysis, SegmentResult } from '../analysis.ts';
import { add, distance, unsigned, type Value } from '../sequence.ts';
import { t } from '../i18n/format.ts';
import type { Text } from '../i18n/types.ts';
import type { TcpState } from '../syntax/syntax.ts';

const SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A value in the file's notation: a number in a numeric file, else from the nearest symbol at or below
 * it (symbols bound before `line` first). Undefined when no symbol names its unknown.
 */
export function writeValue(analysis: Analysis, value: Value, line: number): string | undefined {
  if (value.base === undefined) return String(unsigned(value));
  let best: { name: string; d: number; early: boolean } | undefined;
  for (const b of analysis.symbols.values()) {
    if (b.value.base !== value.base) continue;
    const d = (value.off - b.value.off) >>> 0;
    if (d >= 0x1000_0000) continue;
    const early = b.line < line;
    if (!best || (early && !best.early) || (early === best.early && d < best.d)) best = { name: b.name, d, early };
  }
  if (best) return best.d === 0 ? best.name : `${best.name}+${best.d}`;
  if (SYMBOL.test(value.base)) return value.off === 0 ? value.base : `${value.base}+${unsigned(value)}`;
  return undefined;
}

function occupies(s: SegmentResult): number {
  const st = s.statement;
  return (st.flags.includes('SYN') ? 1 : 0) + (st.flags.includes('FIN') ? 1 : 0) + st.len;
}

/** Why seq is `answer`: what the sender sent last before this line. */
export function seqReason(analysis: Analysis, res: SegmentResult, answer: string): Text {
  const sender = analysis.endpoints[res.from]?.name ?? '?';
  const line = res.statement.line;
  if (res.statement.flags.includes('SYN')) return t('exercise.reason.seq.synAgain', { answer });
  if (res.statement.flags.includes('RST') && isAnswer(analysis, res)) {
    return t(answer === '0' && res.expectedSeq?.base === undefined ? 'exercise.reason.seq.rstNoAck' : 'exercise.reason.seq.rstAck', { answer });
  }
  const prev = [...analysis.segments].reverse().find((s) => s.statement.line < line && s.from === res.from && !s.statement.old && s.seq);
  const expected = res.expectedSeq;
  if (prev?.seq && expected && distance(expected, add(prev.seq, occupies(prev))) === 0) {
    const at = writeValue(analysis, prev.seq, line) ?? '?';
    const st = prev.statement;
    if (st.len > 0) return t('exercise.reason.seq.afterData', { answer, endpoint: sender, len: st.len, prev: at });
    if (st.flags.includes('SYN')) return t('exercise.reason.seq.afterSyn', { answer, endpoint: sender, prev: at });
    if (st.flags.includes('FIN')) return t('exercise.reason.seq.afterFin', { answer, endpoint: sender, prev: at });
  }
  return t('exercise.reason.seq.next', { answer, endpoint: sender });
}

/** Why ack is `answer`: the last segment the sender received that moved its RCV.NXT. */
export function ackReason(analysis: Analysis, res: SegmentResult, answer: string): Text {
  const sender = analysis.endpoints[res.from]?.name ?? '?';
  const line = res.statement.line;
  const expected = res.expectedAck;
  const got = [...analysis.segments].reverse().find((s) =>
    s.to === res.from && s.deliveredLine !== undefined && s.deliveredLine < line && s.seq && expected
    && distance(expected, add(s.seq, occupies(s))) === 0 && occupies(s) > 0);
  if (got?.seq) {
    const st = got.statement;
    if (st.len > 0) return t('exercise.reason.ack.data', { answer, len: st.len, from: writeValue(analysis, got.seq, line) ?? '?' });
    if (st.flags.includes('SYN')) return t('exercise.reason.ack.syn', { answer });
    if (st.flags.includes('FIN')) return t('exercise.reason.ack.fin', { answer });
  }
  return t('exercise.reason.ack.next', { answer, endpoint: sender });
}

const FLAG_REASON: Record<string, string> = {
  'SYN': 'exercise.reason.flags.syn', 'SYN+ACK': 'exercise.reason.flags.synAck', 'ACK': 'exercise.reason.flags.ack',
  'FIN+ACK': 'exercise.reason.flags.finAck', 'FIN': 'exercise.reason.flags.fin', 'RST': 'exercise.reason.flags.rst',
  'RST+ACK': 'exercise.reason.flags.rst',
};

/** The sender had no connection for what it received last (CLOSED or LISTEN before this line): a RST answers. */
export function isAnswer(analysis: Analysis, res: SegmentResult): boolean {
  for (let l = res.statement.line - 1; l >= 0; l--) {
    const i = analysis.stepAtLine[l] ?? -1;
    if (i >= 0) { const s = analysis.steps[i]!.states[res.from]; return s === 'CLOSED' || s === 'LISTEN'; }
  }
  const initial = analysis.endpoints[res.from]?.initial;
  return initial === 'CLOSED' || initial === 'LISTEN';
}

export function flagsReason(answer: string, endpoint: string, alternatives: readonly string[], answering = false): Text {
  const id = answering && answer.startsWith('RST') ? 'exercise.reason.flags.rstAnswer' : FLAG_REASON[answer] ?? 'exercise.reason.flags.ack';
  const main = t(id, { answer, endpoint });
  const others = alternatives.filter((a) => a !== answer);
  return others.length ? t('exercise.reason.flags.also', { reason: main, others: others.join(', ') }) : main;
}

export function stateReason(endpoint: string, before: TcpState, after: TcpState): Text {
  return before === after
    ? t('exercise.reason.state.same', { endpoint, answer: after })
    : t('exercise.reason.state.change', { endpoint, before, answer: after });
}
