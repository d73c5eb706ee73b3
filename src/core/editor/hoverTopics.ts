// Hover explanations of the contract v2 additions: an old duplicate (RFC 9293 figures 8, 11), a crash and the
// half-open connection it leaves (figures 9, 10), the send window (3.8.6), and a connection that starts
// ESTABLISHED (`snd=`/`rcv=`, contract 2.2).
import type { Analysis, SegmentResult, Step, TcbSnapshot } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import { add, distance, type Value } from '../sequence.ts';
import type { EndpointStatement, Position, Range, SegmentStatement } from '../syntax/syntax.ts';
import { tr } from './completionTables.ts';
import { displayValue, startNumbers, startText } from './expected.ts';
import { contains, range } from './positions.ts';

/** The window fields of a TCB snapshot (contract v2 4.1): SND.WND and the window it last advertised. */
export function windowOf(tcb: TcbSnapshot | undefined): { snd?: number; rcv?: number } {
  return { snd: tcb?.sndWnd, rcv: tcb?.rcvWnd };
}

/** The range of the `old` keyword of an old duplicate. */
export function oldKeywordRange(st: SegmentStatement): Range | undefined {
  if (!st.old) return undefined;
  const start = st.range.start;
  if (start.line !== st.src.range.start.line || start.character + 3 > st.src.range.start.character) return undefined;
  return range(start.line, start.character, start.character + 3);
}

/** What an old duplicate is, and what its receiver made of it. */
export function oldMarkdown(analysis: Analysis, res: SegmentResult, lang: Lang): string {
  const st = res.statement;
  const text = [tr(lang, 'editor.hover.old', { sender: st.src.name, receiver: st.dst.name })];
  const i = res.deliveredLine !== undefined ? analysis.stepAtLine[res.deliveredLine] : -1;
  const to = res.to;
  if (i >= 0 && to >= 0) {
    const step = analysis.steps[i];
    const codes = analysis.diagnostics.filter((d) => d.segment !== undefined && analysis.segments[d.segment] === res).map((d) => `\`${d.code}\``);
    text.push('', tr(lang, step.before[to] === step.states[to] ? 'editor.hover.oldStays' : 'editor.hover.oldMoves', {
      receiver: st.dst.name, before: step.before[to], after: step.states[to], codes: codes.length ? codes.join(', ') : '—',
    }));
  } else if (st.arrow === '-x') {
    text.push('', tr(lang, 'editor.hover.oldLost'));
  }
  return text.join('\n');
}

/** A crash and the half-open connection it leaves. */
export function crashMarkdown(analysis: Analysis, name: string, step: Step, lang: Lang): string {
  const i = analysis.endpoints.findIndex((e) => e.name === name);
  const peer = analysis.endpoints[1 - i];
  const before = i >= 0 ? step.before[i] : '?';
  const peerState = peer ? step.states[1 - i] : undefined;
  const lines = [tr(lang, 'editor.hover.crash', { endpoint: name, before })];
  if (peer && peerState && peerState !== 'CLOSED' && peerState !== 'LISTEN') lines.push('', tr(lang, 'editor.hover.halfOpen', { peer: peer.name, state: peerState, endpoint: name }));
  return lines.join('\n');
}

/**
 * The sender's window before a segment: SND.UNA, SND.WND, SND.NXT and the usable window
 * SND.UNA + SND.WND − SND.NXT (RFC 9293 3.8.6). Undefined when there is nothing to say (no window and no data).
 */
export function windowMarkdown(analysis: Analysis, res: SegmentResult, before: TcbSnapshot | undefined, lang: Lang): string | undefined {
  const st = res.statement;
  const wnd = windowOf(before).snd;
  const sender = analysis.endpoints[res.from]?.name ?? '?';
  const peer = analysis.endpoints[res.to]?.name ?? '?';
  const exceeded = analysis.diagnostics.find((d) => d.code === 'window-exceeded' && d.segment !== undefined && analysis.segments[d.segment] === res);
  if (wnd === undefined) return st.len > 0 && before?.sndUna ? tr(lang, 'editor.hover.windowNone', { endpoint: sender, peer }) : undefined;
  const fmt = (v: Value) => displayValue(analysis, v, st.line);
  const una = before?.sndUna;
  const nxt = before?.sndNxt;
  const inFlight = una && nxt ? distance(nxt, una) : undefined;
  const usable = inFlight === undefined ? undefined : wnd - inFlight;
  const lines = [tr(lang, 'editor.hover.windowHead', { endpoint: sender, peer })];
  const row = (name: string, value: string) => `| ${name} | ${value} |`;
  lines.push('', `| | ${sender} |`, '|---|---|');
  if (una) lines.push(row('SND.UNA', `\`${fmt(una)}\``));
  lines.push(row('SND.WND', `\`${wnd}\``));
  if (nxt) lines.push(row('SND.NXT', `\`${fmt(nxt)}\``));
  if (usable !== undefined) lines.push(row(tr(lang, 'editor.hover.usable'), `**${Math.max(0, usable)}**`));
  if (una) lines.push(row(tr(lang, 'editor.hover.windowEnd'), `\`${fmt(add(una, wnd))}\``));
  if (wnd === 0) lines.push('', tr(lang, 'editor.hover.windowZero', { peer }));
  if (exceeded) lines.push('', tr(lang, 'editor.hover.windowExceeded', { len: st.len, usable: Math.max(0, Number(exceeded.params.usable ?? usable ?? 0)) }));
  else if (usable !== undefined && st.len > 0 && usable > 0) lines.push('', tr(lang, 'editor.hover.windowFits', { len: st.len, usable }));
  return lines.join('\n');
}

/** `win=N` on a segment: what the sender advertises to its peer. */
export function winFieldMarkdown(analysis: Analysis, res: SegmentResult, lang: Lang): string {
  const st = res.statement;
  const win = st.win ?? 0;
  const sender = st.old ? st.src.name : analysis.endpoints[res.from]?.name ?? st.src.name;
  const peer = st.dst.name;
  const lines = [tr(lang, win === 0 ? 'editor.hover.winZero' : 'editor.hover.win', { win, sender, peer })];
  if (win > 0 && res.ack && st.flags.includes('ACK')) {
    const last = displayValue(analysis, add(res.ack, win - 1), st.line + 1);
    const ack = displayValue(analysis, res.ack, st.line + 1);
    lines.push('', tr(lang, 'editor.hover.winRange', { peer, ack, last }));
  }
  if (st.old) lines.push('', tr(lang, 'editor.hover.winOld'));
  return lines.join('\n');
}

/** Hover on `snd=…`/`rcv=…`/`win=…` of an ESTABLISHED declaration. */
export function establishedFieldAt(analysis: Analysis, st: EndpointStatement, position: Position, lang: Lang): { range: Range; markdown: string } | undefined {
  if (st.initial?.state !== 'ESTABLISHED') return undefined;
  const i = analysis.endpoints.findIndex((e) => e.name === st.name.name);
  const peer = analysis.endpoints[1 - i]?.name ?? '?';
  for (const field of ['snd', 'rcv'] as const) {
    const e = st[field];
    if (!e) continue;
    // The value's range, widened to its `snd=` before it.
    const r = range(e.range.start.line, Math.max(0, e.range.start.character - 4), e.range.end.character);
    if (!contains(r, position)) continue;
    return { range: r, markdown: tr(lang, `editor.hover.${field}`, { endpoint: st.name.name, peer, value: e.text }) };
  }
  if (st.win !== undefined && st.winRange) {
    const r = range(st.winRange.start.line, Math.max(0, st.winRange.start.character - 4), st.winRange.end.character);
    if (contains(r, position)) return { range: r, markdown: tr(lang, 'editor.hover.winDeclared', { endpoint: st.name.name, peer, win: st.win }) };
  }
  return undefined;
}

/** An endpoint's name on its declaration: its label, how it starts (with the numbers taken) and ends. */
export function endpointMarkdown(analysis: Analysis, name: string, lang: Lang): string | undefined {
  const i = analysis.endpoints.findIndex((x) => x.name === name);
  const e = analysis.endpoints[i];
  if (!e) return undefined;
  const head = `**${e.name}**${e.label !== e.name ? ` — ${e.label}` : ''}`;
  const start = startNumbers(analysis, i);
  const starts = start ? `ESTABLISHED ${startText(analysis, start)}` : e.initial;
  const lines = [head, '', tr(lang, 'editor.hover.endpointStarts', { start: starts, end: analysis.final[i] })];
  if (start) {
    const from = (which: 'snd' | 'rcv') => {
      const source = start[`${which}From`];
      return source ? tr(lang, `editor.hover.from.${source}`, { field: which }) : tr(lang, 'editor.hover.from.unknown', { field: which });
    };
    lines.push('', `- ${from('snd')}`, `- ${from('rcv')}`);
  }
  return lines.join('\n');
}
