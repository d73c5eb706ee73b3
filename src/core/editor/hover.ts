// Hover: what a position means. A state name explains the state; a symbol shows its binding; `old`, a crash,
// `win=` and the `snd=`/`rcv=` of an ESTABLISHED declaration explain themselves; anywhere else on an event
// line shows the states before -> after, the sender's TCB and its window.
import type { Analysis, SegmentResult, Step, TcbSnapshot } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import { formatPlain, type Value } from '../sequence.ts';
import type { Position, Range, Statement, StateRef, TcpState } from '../syntax/syntax.ts';
import { tr } from './completionTables.ts';
import { displayValue, segmentAtLine, tcbBefore } from './expected.ts';
import { crashMarkdown, endpointMarkdown, establishedFieldAt, oldKeywordRange, oldMarkdown, windowMarkdown, winFieldMarkdown, windowOf } from './hoverTopics.ts';
import { contains, stepBefore, statementAtLine } from './positions.ts';
import { stateMarkdown } from './stateDocs.ts';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  range: Range;
  /** What was hovered (for tests). */
  kind: 'state' | 'symbol' | 'segment' | 'event' | 'endpoint' | 'old' | 'crash' | 'window' | 'established';
}

export function hoverAt(analysis: Analysis, position: Position, lang: Lang = 'en'): HoverResult | undefined {
  const st = statementAtLine(analysis, position.line);
  if (!st) return undefined;
  const state = stateRefAt(st, position);
  if (state) {
    if (!state.state) return undefined; // the unknown-state diagnostic already explains it
    return { kind: 'state', range: state.range, markdown: stateMarkdown(state.state, lang) + hereNote(analysis, st, state, lang) };
  }
  if (st.kind === 'segment') {
    for (const e of [st.seq, st.ack]) {
      if (e?.symbol && e.symbolRange && contains(e.symbolRange, position)) {
        const md = symbolMarkdown(analysis, e.symbol, lang);
        if (md) return { kind: 'symbol', range: e.symbolRange, markdown: md };
      }
    }
    const res = segmentAtLine(analysis, st.line);
    if (!res) return undefined;
    const oldRange = oldKeywordRange(st);
    if (oldRange && contains(oldRange, position)) return { kind: 'old', range: oldRange, markdown: oldMarkdown(analysis, res, lang) };
    const win = st.fields.find((f) => f.name === 'win');
    if (win && st.win !== undefined && contains(win.range, position)) return { kind: 'window', range: win.range, markdown: winFieldMarkdown(analysis, res, lang) };
    if (contains(st.range, position)) return { kind: 'segment', range: st.range, markdown: segmentMarkdown(analysis, res, lang) };
    return undefined;
  }
  if ((st.kind === 'action' || st.kind === 'deliver') && contains(st.range, position)) {
    const i = analysis.stepAtLine[st.line];
    if (i < 0) return undefined;
    const step = analysis.steps[i];
    if (st.kind === 'action' && st.action === 'crash') {
      return { kind: 'crash', range: st.range, markdown: [crashMarkdown(analysis, st.endpoint.name, step, lang), '', statesTable(analysis, step, lang)].join('\n') };
    }
    const head = st.kind === 'action' ? `${st.endpoint.name} ${st.action === 'wait' ? 'wait 2MSL' : st.action}` : `deliver ${st.ids.map((d) => d.name).join(', ')}`;
    return { kind: 'event', range: st.range, markdown: [`**${head}**`, '', statesTable(analysis, step, lang)].join('\n') };
  }
  if (st.kind === 'endpoint') {
    const field = establishedFieldAt(analysis, st, position, lang);
    if (field) return { kind: 'established', range: field.range, markdown: field.markdown };
    if (contains(st.name.range, position)) {
      const md = endpointMarkdown(analysis, st.name.name, lang);
      if (md) return { kind: 'endpoint', range: st.name.range, markdown: md };
    }
  }
  return undefined;
}

function stateRefAt(st: Statement, position: Position): StateRef | undefined {
  if (st.kind === 'endpoint') return st.initial && contains(st.initial.range, position) ? st.initial : undefined;
  if (st.kind === 'segment' || st.kind === 'expect' || st.kind === 'action' || st.kind === 'deliver') {
    return st.assertions.find((a) => contains(a.state.range, position))?.state;
  }
  return undefined;
}

/** For an assertion, what the endpoint's state really is there. */
function hereNote(analysis: Analysis, st: Statement, ref: StateRef, lang: Lang): string {
  if (st.kind === 'endpoint' || st.kind === 'title' || st.kind === 'section' || st.kind === 'note' || st.kind === 'exercise') return '';
  const a = st.assertions.find((x) => x.state === ref);
  if (!a) return '';
  const i = analysis.endpoints.findIndex((e) => e.name === a.endpoint.name);
  if (i < 0) return '';
  const step = analysis.stepAtLine[st.line] >= 0 ? analysis.steps[analysis.stepAtLine[st.line]] : stepBefore(analysis, st.line);
  const real: TcpState = step?.states[i] ?? analysis.endpoints[i].initial;
  return `\n\n---\n${tr(lang, real === ref.state ? 'editor.hover.stateHolds' : 'editor.hover.stateFails', { endpoint: a.endpoint.name, real, asserted: ref.state ?? '' })}`;
}

export function symbolMarkdown(analysis: Analysis, name: string, lang: Lang = 'en'): string | undefined {
  const b = analysis.symbols.get(name);
  if (!b) return undefined;
  if (b.unknown) return tr(lang, 'editor.hover.symbolUnknown', { name, line: b.line + 1 });
  const users = analysis.segments.filter((s) => s.statement.seq?.symbol === name || s.statement.ack?.symbol === name).map((s) => s.statement.line + 1);
  return [
    `**${name}** = \`${formatPlain(b.value)}\``,
    '',
    tr(lang, 'editor.hover.symbolBound', { line: b.line + 1, as: boundAs(analysis, name, b.line, lang) }),
    users.length > 1 ? `\n${tr(lang, 'editor.hover.symbolUsed', { lines: users.join(', ') })}` : '',
  ].join('\n');
}

/** ` as client's seq (its SND.NXT)`: which field bound the symbol. */
function boundAs(analysis: Analysis, name: string, line: number, lang: Lang): string {
  const res = segmentAtLine(analysis, line);
  if (!res || res.from < 0) return '';
  const who = analysis.endpoints[res.from].name;
  if (res.statement.seq?.symbol === name) return tr(lang, res.statement.flags.includes('RST') ? 'editor.hover.boundAsSeq' : 'editor.hover.boundAsSndNxt', { endpoint: who });
  if (res.statement.ack?.symbol === name) return tr(lang, 'editor.hover.boundAsAck', { endpoint: who });
  return '';
}

function segmentMarkdown(analysis: Analysis, res: SegmentResult, lang: Lang): string {
  const st = res.statement;
  const line = st.line;
  const lines: string[] = [];
  // Values in the symbols known up to this line (a symbol bound later would explain nothing here).
  const fmt = (v: Value) => displayValue(analysis, v, line);
  const how = st.arrow === '->' ? tr(lang, 'editor.hover.delivered') : st.arrow === '-x' ? tr(lang, 'editor.hover.lost')
    : res.deliveredLine !== undefined ? tr(lang, 'editor.hover.inFlightDelivered', { line: res.deliveredLine + 1 }) : tr(lang, 'editor.hover.neverDelivered');
  lines.push(`**${st.old ? 'old ' : ''}${st.src.name} → ${st.dst.name}: ${st.flags.join('+') || tr(lang, 'editor.hover.noFlag')}** — ${how}`);
  if (st.old) lines.push('', oldMarkdown(analysis, res, lang));
  const i = analysis.stepAtLine[line];
  if (i >= 0) lines.push('', statesTable(analysis, analysis.steps[i], lang, st.old ? undefined : res.from));
  // (a number the file has not named yet, on a connection that started ESTABLISHED, is left out)
  const known = (name: string, v: Value | undefined) => (v && fmt(v) !== '?' ? `${name} \`${fmt(v)}\`` : undefined);
  const expected = [known('seq', res.expectedSeq), known('ack', res.expectedAck)].filter((x): x is string => !!x);
  if (expected.length) {
    const used = [known('seq', res.seq), known('ack', res.ack)].filter(Boolean).join(', ');
    lines.push('', tr(lang, used ? 'editor.hover.expectedUsed' : 'editor.hover.expected', { expected: expected.join(', '), used }));
  }
  if (res.from >= 0 && i >= 0 && !st.old) {
    const before = tcbBefore(analysis, line, res.from);
    const after = analysis.steps[i].tcbs[res.from];
    const win = windowMarkdown(analysis, res, before, lang);
    if (win) lines.push('', win);
    lines.push('', `**${tr(lang, 'editor.hover.tcbOf', { endpoint: analysis.endpoints[res.from].name })}**`, '', tcbTable(fmt, before, after, lang));
  }
  return lines.join('\n');
}

/** A table of each endpoint's state before → after a step. */
function statesTable(analysis: Analysis, step: Step, lang: Lang, sender?: number): string {
  const head = `| | ${analysis.endpoints.map((e, k) => (k === sender ? tr(lang, 'editor.hover.sender', { endpoint: e.name }) : e.name)).join(' | ')} |`;
  const sep = `|---|${analysis.endpoints.map(() => '---').join('|')}|`;
  const row = `| ${tr(lang, 'editor.hover.state')} | ${step.states.map((s, k) => (step.before[k] === s ? s : `${step.before[k]} → **${s}**`)).join(' | ')} |`;
  return [head, sep, row].join('\n');
}

function tcbTable(fmt: (v: Value) => string, before: TcbSnapshot | undefined, after: TcbSnapshot, lang: Lang): string {
  const v = (x: Value | undefined) => (x === undefined ? '—' : `\`${fmt(x)}\``);
  const rows: [string, keyof TcbSnapshot][] = [['ISS', 'iss'], ['SND.UNA', 'sndUna'], ['SND.NXT', 'sndNxt'], ['IRS', 'irs'], ['RCV.NXT', 'rcvNxt']];
  const out = [`| | ${tr(lang, 'editor.hover.before')} | ${tr(lang, 'editor.hover.after')} |`, '|---|---|---|'];
  for (const [label, key] of rows) {
    const b = before?.[key] as Value | undefined;
    const a = after[key] as Value | undefined;
    if (b === undefined && a === undefined) continue;
    out.push(`| ${label} | ${v(b)} | ${v(a)} |`);
  }
  const n = (x: number | undefined) => (x === undefined ? '—' : `\`${x}\``);
  const wb = windowOf(before);
  const wa = windowOf(after);
  if (wb.snd !== undefined || wa.snd !== undefined) out.push(`| SND.WND | ${n(wb.snd)} | ${n(wa.snd)} |`);
  if (wb.rcv !== undefined || wa.rcv !== undefined) out.push(`| RCV.WND | ${n(wb.rcv)} | ${n(wa.rcv)} |`);
  if (after.finSeq) out.push(`| ${tr(lang, 'editor.hover.finAt')} | ${v(before?.finSeq)} | ${v(after.finSeq)} |`);
  if (out.length === 2) return `_${tr(lang, 'editor.hover.noNumbers')}_`;
  return out.join('\n');
}
