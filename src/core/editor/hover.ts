// Hover: what a position means. A state name explains the state; a symbol shows its binding; anywhere
// else on an event line shows the states before -> after and the sender's TCB.
import type { Analysis, SegmentResult, Step, TcbSnapshot } from '../analysis.ts';
import { formatPlain, type Value } from '../sequence.ts';
import type { Position, Range, Statement, StateRef, TcpState } from '../syntax/syntax.ts';
import { formatBefore, segmentAtLine } from './expected.ts';
import { contains, stepBefore, statementAtLine } from './positions.ts';
import { stateMarkdown } from './stateDocs.ts';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  range: Range;
  /** What was hovered (for tests). */
  kind: 'state' | 'symbol' | 'segment' | 'event' | 'endpoint';
}

export function hoverAt(analysis: Analysis, position: Position): HoverResult | undefined {
  const st = statementAtLine(analysis, position.line);
  if (!st) return undefined;
  const state = stateRefAt(st, position);
  if (state) {
    if (!state.state) return undefined; // the unknown-state diagnostic already explains it
    return { kind: 'state', range: state.range, markdown: stateMarkdown(state.state) + hereNote(analysis, st, state) };
  }
  if (st.kind === 'segment') {
    for (const e of [st.seq, st.ack]) {
      if (e?.symbol && e.symbolRange && contains(e.symbolRange, position)) {
        const md = symbolMarkdown(analysis, e.symbol);
        if (md) return { kind: 'symbol', range: e.symbolRange, markdown: md };
      }
    }
    const res = segmentAtLine(analysis, st.line);
    if (res && contains(st.range, position)) return { kind: 'segment', range: st.range, markdown: segmentMarkdown(analysis, res) };
    return undefined;
  }
  if ((st.kind === 'action' || st.kind === 'deliver') && contains(st.range, position)) {
    const i = analysis.stepAtLine[st.line];
    if (i < 0) return undefined;
    const step = analysis.steps[i];
    return { kind: 'event', range: st.range, markdown: [`**${st.kind === 'action' ? `${st.endpoint.name} ${st.action === 'wait' ? 'wait 2MSL' : st.action}` : `deliver ${st.ids.map((d) => d.name).join(', ')}`}**`, '', statesTable(analysis, step)].join('\n') };
  }
  if (st.kind === 'endpoint' && contains(st.name.range, position)) {
    const e = analysis.endpoints.find((x) => x.name === st.name.name);
    if (!e) return undefined;
    const i = analysis.endpoints.indexOf(e);
    return { kind: 'endpoint', range: st.name.range, markdown: `**${e.name}**${e.label !== e.name ? ` — ${e.label}` : ''}\n\nstarts ${e.initial}, ends ${analysis.final[i]}` };
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
function hereNote(analysis: Analysis, st: Statement, ref: StateRef): string {
  if (st.kind === 'endpoint' || st.kind === 'title' || st.kind === 'section' || st.kind === 'note' || st.kind === 'exercise') return '';
  const a = st.assertions.find((x) => x.state === ref);
  if (!a) return '';
  const i = analysis.endpoints.findIndex((e) => e.name === a.endpoint.name);
  if (i < 0) return '';
  const step = analysis.stepAtLine[st.line] >= 0 ? analysis.steps[analysis.stepAtLine[st.line]] : stepBefore(analysis, st.line);
  const real: TcpState = step?.states[i] ?? analysis.endpoints[i].initial;
  return real === ref.state ? `\n\n---\n✓ ${a.endpoint.name} is ${real} here.` : `\n\n---\n✗ ${a.endpoint.name} is **${real}** here, not ${ref.state}.`;
}

export function symbolMarkdown(analysis: Analysis, name: string): string | undefined {
  const b = analysis.symbols.get(name);
  if (!b) return undefined;
  if (b.unknown) {
    return `**${name}** — an unknown number, first written on line ${b.line + 1}, where any value was right (an initial sequence number). Later values are written relative to it: \`${name}+1\` is the number after ${name}.`;
  }
  const users = analysis.segments.filter((s) => s.statement.seq?.symbol === name || s.statement.ack?.symbol === name).map((s) => s.statement.line + 1);
  return [
    `**${name}** = \`${formatPlain(b.value)}\``,
    '',
    `Bound on line ${b.line + 1}${boundAs(analysis, name, b.line)}: a symbol seen for the first time takes the value the validator expects there.`,
    users.length > 1 ? `\nUsed on lines ${users.join(', ')}.` : '',
  ].join('\n');
}

/** ` as client's seq (its SND.NXT)`: which field bound the symbol. */
function boundAs(analysis: Analysis, name: string, line: number): string {
  const res = segmentAtLine(analysis, line);
  if (!res || res.from < 0) return '';
  const who = analysis.endpoints[res.from].name;
  if (res.statement.seq?.symbol === name) return ` as ${who}'s seq${res.statement.flags.includes('RST') ? '' : ' (its SND.NXT)'}`;
  if (res.statement.ack?.symbol === name) return ` as ${who}'s ack (its RCV.NXT)`;
  return '';
}

function segmentMarkdown(analysis: Analysis, res: SegmentResult): string {
  const st = res.statement;
  const line = st.line;
  const lines: string[] = [];
  // Values in the symbols known up to this line (a symbol bound later would explain nothing here).
  // Expected values are explained with the symbols known before the line (not by the symbol they bind).
  const fmt = (v: Value) => formatBefore(analysis, v, line) ?? analysis.format(v);
  const how = st.arrow === '->' ? 'delivered at once' : st.arrow === '-x' ? 'lost: the receiver never gets it'
    : res.deliveredLine !== undefined ? `in flight, delivered on line ${res.deliveredLine + 1}` : 'in flight, never delivered';
  lines.push(`**${st.src.name} → ${st.dst.name}: ${st.flags.join('+') || '(no flag)'}** — ${how}`);
  const i = analysis.stepAtLine[line];
  if (i >= 0) lines.push('', statesTable(analysis, analysis.steps[i], res.from));
  const expected: string[] = [];
  if (res.expectedSeq) expected.push(`seq \`${fmt(res.expectedSeq)}\``);
  if (res.expectedAck) expected.push(`ack \`${fmt(res.expectedAck)}\``);
  if (expected.length) lines.push('', `Expected: ${expected.join(', ')}${res.seq || res.ack ? ` · used: ${[res.seq && `seq \`${fmt(res.seq)}\``, res.ack && `ack \`${fmt(res.ack)}\``].filter(Boolean).join(', ')}` : ''}`);
  if (res.from >= 0 && i >= 0) {
    const before = stepBefore(analysis, line)?.tcbs[res.from];
    const after = analysis.steps[i].tcbs[res.from];
    lines.push('', `**${analysis.endpoints[res.from].name}'s TCB** (sender)`, '', tcbTable(fmt, before, after));
  }
  return lines.join('\n');
}

/** A table of each endpoint's state before → after a step. */
function statesTable(analysis: Analysis, step: Step, sender?: number): string {
  const head = `| | ${analysis.endpoints.map((e, k) => `${e.name}${k === sender ? ' (sender)' : ''}`).join(' | ')} |`;
  const sep = `|---|${analysis.endpoints.map(() => '---').join('|')}|`;
  const row = `| state | ${step.states.map((s, k) => (step.before[k] === s ? s : `${step.before[k]} → **${s}**`)).join(' | ')} |`;
  return [head, sep, row].join('\n');
}

function tcbTable(fmt: (v: Value) => string, before: TcbSnapshot | undefined, after: TcbSnapshot): string {
  const v = (x: Value | undefined) => (x === undefined ? '—' : `\`${fmt(x)}\``);
  const rows: [string, keyof TcbSnapshot][] = [['ISS', 'iss'], ['SND.UNA', 'sndUna'], ['SND.NXT', 'sndNxt'], ['IRS', 'irs'], ['RCV.NXT', 'rcvNxt']];
  const out = ['| | before | after |', '|---|---|---|'];
  for (const [label, key] of rows) {
    const b = before?.[key] as Value | undefined;
    const a = after[key] as Value | undefined;
    if (b === undefined && a === undefined) continue;
    out.push(`| ${label} | ${v(b)} | ${v(a)} |`);
  }
  if (after.finSeq) out.push(`| FIN at | ${v(before?.finSeq)} | ${v(after.finSeq)} |`);
  if (out.length === 2) return '_no sequence numbers yet_';
  return out.join('\n');
}
