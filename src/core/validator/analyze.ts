// Runs a file's statements in order through the two TCBs and collects diagnostics and the trace.
import type { Analysis, SegmentResult, Severity, Step, TcbSnapshot } from '../analysis.ts';
import { parse } from '../syntax/parser.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { ActionStatement, Assertion, DeliverStatement, NameRef, Range, SegmentStatement, TcpState } from '../syntax/syntax.ts';
import { STATES } from '../states.ts';
import { Context } from './context.ts';
import { resolveEndpoints, type EndpointTable } from './endpoints.ts';
import { reportEndOfFile } from './endOfFile.ts';
import { receive } from './receive.ts';
import { send } from './send.ts';
import { Tcb } from './tcb.ts';
import type { Wire } from './wire.ts';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const STATE_CODE = Object.fromEntries(STATES.map((s, i) => [s, i])) as Record<TcpState, number>;

export function analyze(text: string): Analysis {
  const { document, findings } = parse(text);
  const statements = document.statements;
  const segmentAtLine = new Int32Array(document.lineCount).fill(-1);
  let segmentCount = 0;
  for (const s of statements) if (s.kind === 'segment') segmentAtLine[s.line] = segmentCount++;

  const tcbs: Tcb[] = [];
  const early: Parameters<Context['report']>[0][] = [...findings];
  const table = resolveEndpoints(statements, (f) => early.push(f));
  for (const e of table.endpoints) tcbs.push(new Tcb(e.name, tcbs.length, e.initial));
  const ctx = new Context(tcbs);
  for (const f of early) {
    const d = ctx.sink.add(f);
    const seg = d ? segmentAtLine[f.range.start.line] ?? -1 : -1;
    if (d && seg >= 0) d.segment = seg;
  }

  const run = new Runner(ctx, table, document.lineCount);
  let title: string | undefined;
  for (const s of statements) {
    switch (s.kind) {
      case 'title': title = s.text; break;
      case 'segment': run.segment(s); break;
      case 'action': run.action(s); break;
      case 'deliver': run.deliver(s); break;
      case 'expect': run.assertions(s.assertions); break;
      case 'note': if (s.endpoint) run.known(s.endpoint); break;
      default: break;
    }
  }
  reportEndOfFile(ctx, run.inFlight);

  const diagnostics = ctx.sink.list;
  for (const d of diagnostics) {
    if (d.segment === undefined) continue;
    const res = ctx.segments[d.segment];
    if (res && (!res.worst || RANK[d.severity] > RANK[res.worst])) res.worst = d.severity;
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  clampRanges(diagnostics, document.lineLengths);
  return {
    document, title, endpoints: table.endpoints, diagnostics, steps: run.steps, stepAtLine: run.stepAtLine,
    segments: ctx.segments, symbols: ctx.symbols, final: tcbs.map((t) => t.state),
    format: (v) => ctx.notation.format(v),
  };
}

class Runner {
  readonly steps: Step[] = [];
  readonly stepAtLine: Int32Array;
  readonly inFlight = new Map<string, Wire>();
  private readonly delivered = new Map<string, number>();
  private readonly ids = new Map<string, NameRef>();

  constructor(private readonly ctx: Context, private readonly table: EndpointTable, lineCount: number) {
    this.stepAtLine = new Int32Array(lineCount).fill(-1);
  }

  /** Index of an endpoint, reporting `unknown-endpoint` when there is none of that name. */
  known(ref: NameRef): number {
    const i = this.table.indexOf(ref.name);
    if (i < 0 && ref.name && !this.reportedTooMany(ref)) {
      const names = this.table.endpoints.map((e) => e.name);
      {
        this.ctx.report({ code: 'unknown-endpoint', range: ref.range, message: `unknown endpoint ${ref.name}${names.length ? ` (${this.table.declaredMode ? 'declared' : 'in use'}: ${names.join(', ')})` : ''}`, params: { endpoint: ref.name } });
      }
    }
    return i;
  }

  private reportedTooMany(ref: NameRef): boolean {
    return this.ctx.sink.list.some((d) => d.code === 'too-many-endpoints' && d.range.start.line === ref.range.start.line && d.range.start.character === ref.range.start.character);
  }

  /** Steps share their state and snapshot arrays while nothing changes: a 100,000-line trace stays small. */
  private lastStates: TcpState[] = [];
  private lastTcbs: TcbSnapshot[] = [];
  private readonly tuples: TcpState[][] = [];

  private step(line: number, before: Step['before']): void {
    const tcbs = this.ctx.tcbs;
    let key = 0;
    for (const t of tcbs) key = key * 16 + STATE_CODE[t.state];
    let states = this.tuples[key];
    if (!states) this.tuples[key] = states = tcbs.map((t) => t.state);
    this.lastStates = states;
    let snaps = this.lastTcbs;
    for (let i = 0; i < tcbs.length; i++) {
      const snap = tcbs[i].snapshot();
      if (snaps[i] !== snap) { if (snaps === this.lastTcbs) snaps = snaps.slice(); snaps[i] = snap; }
    }
    this.lastTcbs = snaps;
    this.stepAtLine[line] = this.steps.length;
    this.steps.push({ line, before, states, tcbs: snaps });
  }

  private states(): TcpState[] {
    if (this.lastStates.length !== this.ctx.tcbs.length) this.lastStates = this.ctx.tcbs.map((t) => t.state);
    return this.lastStates;
  }

  segment(s: SegmentStatement): void {
    const ctx = this.ctx;
    const node = s as SegmentNode;
    const from = this.implicitOrKnown(node.srcName, () => s.src);
    const to = node.dstName ? this.implicitOrKnown(node.dstName, () => s.dst) : -1;
    const res: SegmentResult = { statement: s, from, to };
    const index = ctx.segments.length;
    ctx.segments.push(res);
    if (s.id) {
      const first = this.ids.get(s.id.name);
      if (first) ctx.report({ code: 'duplicate-id', range: s.id.range, segment: index, message: `id ${s.id.name} is already used on line ${first.range.start.line + 1}`, params: { id: s.id.name }, related: [{ range: first.range, message: `${s.id.name} first used here` }] });
      else this.ids.set(s.id.name, s.id);
    }
    if (from < 0 || to < 0 || from === to) return;
    const before = this.states();
    if (!s.unusable) {
      const f = s.flags;
      const wire: Wire = { index, stmt: node, from, to, syn: f.includes('SYN'), ack: f.includes('ACK'), fin: f.includes('FIN'), rst: f.includes('RST'), len: s.len, keepAlive: false };
      send(ctx, ctx.tcbs[from], wire);
      if (s.arrow === '->') { receive(ctx, ctx.tcbs[to], wire, s); res.deliveredLine = s.line; }
      else if (s.arrow === '~>') {
        const id = s.id;
        // never deliverable without a (first-used) id: still in flight at the end of the file
        if (id && !this.inFlight.has(id.name) && !this.delivered.has(id.name) && this.ids.get(id.name)?.range.start.line === s.line) this.inFlight.set(id.name, wire);
        else this.inFlight.set(`#${index}`, wire);
      }
    }
    this.step(s.line, before);
    this.assertions(s.assertions);
  }

  private implicitOrKnown(name: string, ref: () => NameRef): number {
    const i = this.table.indexOf(name);
    if (i >= 0 || !this.table.declaredMode) return i; // undeclared names beyond two: too-many-endpoints
    return this.known(ref());
  }

  deliver(s: DeliverStatement): void {
    const before = this.states();
    for (const id of s.ids) {
      const wire = this.inFlight.get(id.name);
      if (!wire) {
        const at = this.delivered.get(id.name);
        const why = at !== undefined ? `it was already delivered on line ${at + 1}` : this.ids.has(id.name) ? 'that segment was not sent with `~>`' : 'no segment has that id';
        this.ctx.report({ code: 'unknown-id', range: id.range, message: `no in-flight segment ${id.name} to deliver: ${why}`, params: { id: id.name } });
        continue;
      }
      this.inFlight.delete(id.name);
      this.delivered.set(id.name, s.line);
      this.ctx.segments[wire.index].deliveredLine = s.line;
      receive(this.ctx, this.ctx.tcbs[wire.to], wire, id);
    }
    this.step(s.line, before);
    this.assertions(s.assertions);
  }

  action(s: ActionStatement): void {
    const i = this.known(s.endpoint);
    if (i < 0) return;
    const t = this.ctx.tcbs[i];
    const before = this.states();
    const applies = s.action === 'listen' ? t.state === 'CLOSED' : s.action === 'close' ? t.state === 'LISTEN' || t.state === 'SYN_SENT' : t.state === 'TIME_WAIT';
    if (applies) {
      t.reset(s.action === 'listen' ? 'LISTEN' : 'CLOSED');
      t.closedByRst = false;
      t.stateSince = s;
    } else {
      const where = s.action === 'listen' ? 'in CLOSED (a passive open)' : s.action === 'close' ? 'in LISTEN or SYN_SENT; in a synchronized state write the FIN segment that close sends' : 'in TIME_WAIT';
      this.ctx.report({ code: 'invalid-action', range: s.actionRange, message: `${t.name} is ${t.state}: \`${s.action === 'wait' ? 'wait 2MSL' : s.action}\` applies only ${where}`, params: { endpoint: t.name, state: t.state, action: s.action } });
    }
    this.step(s.line, before);
    this.assertions(s.assertions);
  }

  assertions(list: Assertion[]): void {
    for (const a of list) {
      const i = this.known(a.endpoint);
      if (i < 0 || !a.state.state) continue;
      const t = this.ctx.tcbs[i];
      if (t.state === a.state.state) continue;
      this.ctx.report({
        code: 'state-mismatch', range: a.state.range,
        message: `${t.name} is ${t.state} here, not ${a.state.state}`,
        params: { endpoint: t.name, expected: a.state.state, actual: t.state },
        related: t.stateSince ? [{ range: t.stateSince.range, message: `${t.name} entered ${t.state} here` }] : undefined,
      });
    }
  }
}

function clampRanges(diagnostics: Analysis['diagnostics'], lineLengths: number[]): void {
  const last = lineLengths.length - 1;
  const clamp = (p: Range['start']) => {
    if (p.line > last) { p.line = last; p.character = lineLengths[last]; }
    if (p.line < 0) { p.line = 0; p.character = 0; }
    p.character = Math.max(0, Math.min(p.character, lineLengths[p.line]));
  };
  for (const d of diagnostics) {
    d.range = { start: { ...d.range.start }, end: { ...d.range.end } };
    clamp(d.range.start);
    clamp(d.range.end);
  }
}
