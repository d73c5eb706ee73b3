// The key of an exercise (contract 9): each blank's answer, found by running the file. Blanks are solved
// line by line in file order, each with the blanks before it at their answers: flags first (the line
// must run to have expected values), then seq and ack (what the validator expects there), then len and
// win (as the following lines need them). State blanks read the state after their line at the end.
import type { Analysis, SegmentResult } from '../analysis.ts';
import { add, concrete, distance, equal, unsigned, type Value } from '../sequence.ts';
import { t } from '../i18n/format.ts';
import type { Blank, BlankKind, Expr } from '../syntax/syntax.ts';
import { ackReason, flagsReason, isAnswer, seqReason, stateReason, writeValue } from './reasons.ts';
import { problems, segmentOnLine, Trial, type TrialRun } from './trial.ts';
import type { KeyEntry } from './types.ts';

/** The flags a flags blank may take, in the order the key shows the first right one (contract 9). */
export const FLAG_CHOICES = ['SYN', 'SYN+ACK', 'ACK', 'FIN+ACK', 'FIN', 'RST', 'RST+ACK'] as const;

/** A window no exchange in a file reaches (below 2^31, so sequence comparisons stay exact). */
const UNLIMITED_WINDOW = 1 << 30;
const DISRUPTIVE: ReadonlySet<BlankKind> = new Set(['flags', 'len', 'win']);

interface Solved { entries: KeyEntry[]; final: TrialRun; trial: Trial }

export function solve(text: string): Solved {
  const trial = new Trial(text);
  const blanks = trial.blanks;
  const entries: (KeyEntry | undefined)[] = blanks.map(() => undefined);
  const lines = [...new Set(blanks.map((b) => b.line))].sort((a, b) => a - b);
  let current = trial.run();
  /** Flags blanks whose segment answers what its sender received without a connection (a RST reply). */
  const answering = new Map<number, boolean>();

  for (const line of lines) {
    const here = blanks.map((b, i) => [b, i] as const).filter(([b]) => b.line === line);
    const windowEnd = nextDisruptive(blanks, line);
    const partial = windowEnd < Number.MAX_SAFE_INTEGER;
    const ofKind = (k: BlankKind) => here.find(([b]) => b.kind === k);

    const flags = ofKind('flags');
    if (flags) {
      entries[flags[1]] = solveFlags(trial, flags[0], flags[1], windowEnd, partial);
      current = trial.run();
    }
    const res = segmentOnLine(current.analysis, line);
    if (flags && res && !entries[flags[1]]!.bad) answering.set(flags[1], isAnswer(current.analysis, res));
    for (const kind of ['seq', 'ack'] as const) {
      const found = ofKind(kind);
      if (!found) continue;
      const [blank, index] = found;
      entries[index] = kind === 'seq'
        ? solveSeq(trial, current, res, blank, index, windowEnd, partial, !!ofKind('len'))
        : solveAck(trial, current.analysis, res, blank, index);
      if (entries[index]!.answer !== 'any' && !entries[index]!.bad) trial.answers[index] = entries[index]!.answer;
    }
    // A seq other than the one the validator filled in (a retransmission) changes the lines after it.
    const seq = ofKind('seq');
    const seqEntry = seq ? entries[seq[1]] : undefined;
    if (seqEntry?.value && res?.expectedSeq && !equal(seqEntry.value, res.expectedSeq)) current = trial.run();
    const len = ofKind('len');
    if (len) { entries[len[1]] = solveLen(trial, current.analysis, len[0], len[1], windowEnd, partial); current = trial.run(); }
    const win = ofKind('win');
    if (win) { entries[win[1]] = solveWin(trial, current.analysis, win[0], win[1], windowEnd, partial); current = trial.run(); }
  }

  const final = current;
  for (let i = 0; i < blanks.length; i++) if (blanks[i]!.kind === 'state') entries[i] = solveState(final.analysis, blanks[i]!, i);
  // Flags solved before later lines were: all the right choices, now with the whole file solved.
  for (let i = 0; i < blanks.length; i++) {
    const e = entries[i]!;
    if (blanks[i]!.kind !== 'flags' || e.bad) continue;
    if (nextDisruptive(blanks, blanks[i]!.line) < Number.MAX_SAFE_INTEGER) refineFlags(trial, e, i);
    e.reason = flagsReason(e.answer, e.endpoint, e.alternatives ?? [e.answer], answering.get(i));
  }
  return { entries: entries.map((e, i) => e ?? bad(blanks[i]!, i, '?', 'notRun')), final, trial };
}

/** The first line after `line` with a flags, len or win blank (those change what the later lines mean). */
function nextDisruptive(blanks: readonly Blank[], line: number): number {
  for (const b of blanks) if (b.line > line && DISRUPTIVE.has(b.kind)) return b.line;
  return Number.MAX_SAFE_INTEGER;
}

function entry(blank: Blank, index: number, endpoint: string, answer: string, reason: KeyEntry['reason'], more: Partial<KeyEntry> = {}): KeyEntry {
  return { index, kind: blank.kind, line: blank.line, range: blank.range, endpoint, answer, reason, ...more };
}

function bad(blank: Blank, index: number, endpoint: string, why: string, params: Record<string, string> = {}): KeyEntry {
  return entry(blank, index, endpoint, '', t('exercise.bad', { why: t(`exercise.bad.${why}`, params) }), { bad: true });
}

function senderOf(trial: Trial, line: number): string {
  const s = trial.statementAt(line);
  return s?.kind === 'segment' ? s.src.name : '?';
}

/** Tries each flag choice; keeps the ones after which the lines up to the window end hold. */
function solveFlags(trial: Trial, blank: Blank, index: number, windowEnd: number, partial: boolean): KeyEntry {
  const right = rightFlags(trial, index, windowEnd, partial);
  const endpoint = senderOf(trial, blank.line);
  if (right.length === 0) return bad(blank, index, endpoint, 'flags');
  trial.answers[index] = right[0];
  return entry(blank, index, endpoint, right[0]!, flagsReason(right[0]!, endpoint, right), { alternatives: right });
}

function rightFlags(trial: Trial, index: number, windowEnd: number, partial: boolean): string[] {
  const sets = FLAG_CHOICES.map((f) => problems(trial.run(new Map([[index, f]]), windowEnd).analysis, windowEnd, partial));
  // A problem every choice has is not this blank's doing (a slip elsewhere in the file).
  const common = new Set([...sets[0]!].filter((k) => sets.every((s) => s.has(k))));
  return FLAG_CHOICES.filter((_, i) => [...sets[i]!].every((k) => common.has(k)));
}

/** Once every blank has its answer: all the flag choices with which the whole file holds. */
function refineFlags(trial: Trial, e: KeyEntry, index: number): void {
  const all = rightFlags(trial, index, Number.MAX_SAFE_INTEGER, false);
  const alternatives = [e.answer, ...all.filter((f) => f !== e.answer)];
  e.alternatives = FLAG_CHOICES.filter((f) => alternatives.includes(f));
  if (!e.alternatives.includes(e.answer)) e.alternatives.unshift(e.answer);
}

function valueEntry(analysis: Analysis, blank: Blank, index: number, endpoint: string, value: Value, reason: (answer: string) => KeyEntry['reason']): KeyEntry {
  const answer = writeValue(analysis, value, blank.line);
  if (answer === undefined) return bad(blank, index, endpoint, 'unnamed', { endpoint });
  return entry(blank, index, endpoint, answer, reason(answer), { value, ...(value.base === undefined ? { number: unsigned(value) } : {}) });
}

function solveSeq(trial: Trial, current: TrialRun, res: SegmentResult | undefined, blank: Blank, index: number,
  windowEnd: number, partial: boolean, lenOpen: boolean): KeyEntry {
  const endpoint = senderOf(trial, blank.line);
  if (!res) return bad(blank, index, endpoint, 'notRun');
  const analysis = current.analysis;
  if (res.statement.flags.includes('SYN') && !issBefore(analysis, res)) {
    return entry(blank, index, endpoint, 'any', t('exercise.reason.seq.iss', { endpoint }), { any: true });
  }
  if (!res.expectedSeq) return bad(blank, index, endpoint, 'noValue');
  const chosen = valueEntry(analysis, blank, index, endpoint, res.expectedSeq, (a) => seqReason(analysis, res, a));
  if (chosen.bad || lenOpen) return chosen;
  // A retransmission: SND.NXT leaves the following lines broken, an earlier start of the sender fits them.
  // Only lines before the next seq blank count: that blank may be the retransmission instead.
  const nextSeq = trial.blanks.find((b) => b.kind === 'seq' && b.line > blank.line)?.line;
  if (nextSeq !== undefined && nextSeq < windowEnd) { windowEnd = nextSeq; partial = true; }
  const base = problems(analysis, windowEnd, partial);
  if (base.size === 0) return chosen;
  let best = { count: base.size, e: chosen };
  for (const earlier of analysis.segments) {
    if (earlier.statement.line >= blank.line || earlier.from !== res.from || earlier.statement.old || !earlier.seq) continue;
    if (distance(earlier.seq, res.expectedSeq) === 0 || earlier.seq.base !== res.expectedSeq.base) continue;
    const text = writeValue(analysis, earlier.seq, blank.line);
    if (text === undefined) continue;
    const count = problems(trial.run(new Map([[index, text]]), windowEnd).analysis, windowEnd, partial).size;
    if (count < best.count) {
      best = { count, e: entry(blank, index, endpoint, text, t('exercise.reason.seq.retransmit', { answer: text, endpoint, line: earlier.statement.line + 1 }),
        { value: earlier.seq, ...(earlier.seq.base === undefined ? { number: unsigned(earlier.seq) } : {}) }) };
    }
  }
  return best.e;
}

/** The sender had chosen its ISN before this line (a SYN now is sent again, not a new choice). */
function issBefore(analysis: Analysis, res: SegmentResult): boolean {
  const line = res.statement.line;
  for (let l = line - 1; l >= 0; l--) {
    const i = analysis.stepAtLine[l] ?? -1;
    if (i >= 0) return analysis.steps[i]!.tcbs[res.from]?.iss !== undefined;
  }
  return false;
}

function solveAck(trial: Trial, analysis: Analysis, res: SegmentResult | undefined, blank: Blank, index: number): KeyEntry {
  const endpoint = senderOf(trial, blank.line);
  if (!res) return bad(blank, index, endpoint, 'notRun');
  if (!res.expectedAck) return bad(blank, index, endpoint, res.statement.flags.includes('ACK') ? 'noValue' : 'noAck');
  return valueEntry(analysis, blank, index, endpoint, res.expectedAck, (a) => ackReason(analysis, res, a));
}

/** The value written in a field (a symbol bound on that very line says nothing: it took the expected value). */
function writtenValue(analysis: Analysis, e: Expr | undefined, line: number): Value | undefined {
  if (!e) return undefined;
  if (e.symbol === undefined) return concrete(e.offset);
  const b = analysis.symbols.get(e.symbol);
  return b && b.line < line ? add(b.value, e.offset) : undefined;
}

/** The first later line that pins this segment's length: the sender's next seq, or the peer's next ack. */
function lenFromLaterLines(analysis: Analysis, line: number): { len: number; line: number; by: 'seq' | 'ack' } | undefined {
  const res = segmentOnLine(analysis, line);
  if (!res) return undefined;
  for (const s of analysis.segments) {
    if (s.statement.line <= line || s.statement.old) continue;
    const st = s.statement;
    const seq = writtenValue(analysis, st.seq, st.line);
    if (s.from === res.from && seq && s.expectedSeq) {
      const d = distance(seq, s.expectedSeq);
      if (d !== undefined) return { len: d, line: st.line, by: 'seq' };
    }
    const ack = writtenValue(analysis, st.ack, st.line);
    if (s.from === res.to && ack && s.expectedAck && (res.deliveredLine ?? line) <= st.line) {
      const d = distance(ack, s.expectedAck);
      if (d !== undefined) return { len: d, line: st.line, by: 'ack' };
    }
  }
  return undefined;
}

function solveLen(trial: Trial, analysis: Analysis, blank: Blank, index: number, windowEnd: number, partial: boolean): KeyEntry {
  const endpoint = senderOf(trial, blank.line);
  const res = segmentOnLine(analysis, blank.line);
  if (!res) return bad(blank, index, endpoint, 'notRun');
  const pinned = lenFromLaterLines(analysis, blank.line);
  const zero = problems(trial.run(new Map([[index, '0']]), windowEnd).analysis, windowEnd, partial).size;
  if (!pinned || pinned.len === 0) {
    if (zero > 0 && !pinned) return bad(blank, index, endpoint, 'len');
    trial.answers[index] = '0';
    return pinned ? entry(blank, index, endpoint, '0', t('exercise.reason.len.none', { endpoint }), { number: 0 })
      : entry(blank, index, endpoint, 'any', t('exercise.reason.len.any'), { any: true });
  }
  if (pinned.len < 0) return bad(blank, index, endpoint, 'len');
  const text = String(pinned.len);
  const count = problems(trial.run(new Map([[index, text]]), windowEnd).analysis, windowEnd, partial).size;
  if (count > zero) return bad(blank, index, endpoint, 'len');
  trial.answers[index] = text;
  const peer = analysis.endpoints[res.to]?.name ?? '?';
  return entry(blank, index, endpoint, text, t(pinned.by === 'seq' ? 'exercise.reason.len.seq' : 'exercise.reason.len.ack',
    { answer: text, endpoint, peer, line: pinned.line + 1 }), { number: pinned.len });
}

/** The windows the following lines suggest: what the peer then sends, what this side then takes. */
function windowCandidates(analysis: Analysis, line: number): number[] {
  const res = segmentOnLine(analysis, line);
  const out = new Set<number>([0]);
  if (!res?.ack) return [...out];
  for (const s of analysis.segments) {
    if (s.statement.line <= line) continue;
    if (s.from === res.from && s.statement.win !== undefined) break; // a new window from the same side
    if (s.from === res.to && s.seq && s.statement.len > 0) {
      const d = distance(s.seq, res.ack);
      if (d !== undefined && d + s.statement.len > 0) out.add(d + s.statement.len);
    }
    if (s.from === res.from && s.ack) {
      const d = distance(s.ack, res.ack);
      if (d !== undefined && d > 0) out.add(d);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function solveWin(trial: Trial, analysis: Analysis, blank: Blank, index: number, windowEnd: number, partial: boolean): KeyEntry {
  const endpoint = senderOf(trial, blank.line);
  const res = segmentOnLine(analysis, blank.line);
  if (!res) return bad(blank, index, endpoint, 'notRun');
  const candidates = windowCandidates(analysis, blank.line);
  const counts = candidates.map((w) => problems(trial.run(new Map([[index, String(w)]]), windowEnd).analysis, windowEnd, partial).size);
  const unlimited = problems(trial.run(new Map([[index, String(UNLIMITED_WINDOW)]]), windowEnd).analysis, windowEnd, partial).size;
  const best = Math.min(unlimited, ...counts);
  const i = counts.findIndex((c) => c === best);
  if (i < 0) return bad(blank, index, endpoint, 'win');
  const w = candidates[i]!;
  trial.answers[index] = String(w);
  const peer = analysis.endpoints[res.to]?.name ?? '?';
  if (unlimited === best && w === 0) return entry(blank, index, endpoint, 'any', t('exercise.reason.win.any'), { any: true });
  if (unlimited === best) return entry(blank, index, endpoint, String(w), t('exercise.reason.win.atLeast', { answer: w, peer }), { number: w, atLeast: true });
  return entry(blank, index, endpoint, String(w), t('exercise.reason.win.exact', { answer: w, peer }), { number: w });
}

function solveState(analysis: Analysis, blank: Blank, index: number): KeyEntry {
  const endpoint = blank.endpoint ?? '?';
  const e = analysis.endpoints.findIndex((x) => x.name === endpoint);
  if (e < 0) return bad(blank, index, endpoint, 'notRun');
  let step = analysis.stepAtLine[blank.line] ?? -1;
  const isExpect = analysis.document.statements.find((s) => s.line === blank.line)?.kind === 'expect';
  if (step < 0 && isExpect) for (let l = blank.line - 1; l >= 0 && step < 0; l--) step = analysis.stepAtLine[l] ?? -1;
  if (step < 0 && !isExpect) return bad(blank, index, endpoint, 'notRun');
  const after = step < 0 ? analysis.endpoints[e]!.initial : analysis.steps[step]!.states[e]!;
  const before = step < 0 || isExpect ? after : analysis.steps[step]!.before[e]!;
  return entry(blank, index, endpoint, after, stateReason(endpoint, before, after));
}
