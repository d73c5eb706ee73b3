// Runs statements in file order through the two TCBs. The same runner does the real run (findings,
// steps, results) and a look-ahead (4.4) on a trial copy of the context (findings counted, nothing kept).
import type { SegmentResult, Step, TcbSnapshot } from '../analysis.ts';
import { SEVERITY_OF } from '../diagnostics.ts';
import { t } from '../i18n/format.ts';
import type { Text } from '../i18n/types.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { ActionStatement, Assertion, DeliverStatement, NameRef, SegmentStatement, Statement, TcpState } from '../syntax/syntax.ts';
import { STATES } from '../states.ts';
import type { Context, CountingSink } from './context.ts';
import type { EndpointTable } from './endpoints.ts';
import { reportEndOfFile } from './endOfFile.ts';
import { receive, type Outcome } from './receive.ts';
import { planSend } from './send.ts';
import { afterSend, type Reading, type SendPlan, type WireValues } from './sendPlan.ts';
import type { Tcb } from './tcb.ts';
import { flagText, type Wire } from './wire.ts';

const STATE_CODE = Object.fromEntries(STATES.map((s, i) => [s, i])) as Record<TcpState, number>;
/** A slip is read the way that fits the next 20 event lines better (4.4). */
export const LOOKAHEAD_EVENTS = 20;

export interface RunnerInput {
  statements: Statement[];
  table: EndpointTable;
  /** Segment index by line (−1 where there is none). */
  segmentAtLine: Int32Array;
  lineCount: number;
}

export class Runner {
  readonly steps: Step[] = [];
  readonly stepAtLine: Int32Array;
  private lastStates: TcpState[] = [];
  private lastTcbs: TcbSnapshot[] = [];
  private readonly tuples: TcpState[][] = [];

  constructor(private readonly ctx: Context, private readonly input: RunnerInput) {
    this.stepAtLine = ctx.trialMode ? new Int32Array(0) : new Int32Array(input.lineCount).fill(-1);
  }

  /**
   * Runs statements from `from`; stops before the `maxEvents`+1-th event line, or as soon as `enough()` says
   * so. Returns true when it ran to the end of the file.
   */
  run(from: number, maxEvents = Infinity, enough?: () => boolean): boolean {
    const list = this.input.statements;
    let events = 0;
    for (let i = from; i < list.length; i++) {
      if (events >= maxEvents && isPossibleEvent(list[i])) {
        if (this.wouldRun(list[i])) return false;
      }
      if (this.statement(list[i], i)) events++;
      if (enough?.()) return false;
    }
    return true;
  }

  /** Runs one statement; true when it was an event line (it has a steps entry). */
  statement(s: Statement, i: number): boolean {
    switch (s.kind) {
      case 'segment': return this.segment(s, i);
      case 'action': return this.action(s);
      case 'deliver': return this.deliver(s);
      case 'expect': this.assertions(s.assertions); return false;
      case 'note': if (s.endpoint) this.known(s.endpoint); return false;
      default: return false;
    }
  }

  private wouldRun(s: Statement): boolean {
    if (s.kind === 'segment') return this.runs(s as SegmentNode);
    if (s.kind === 'action') return this.input.table.indexOf(s.endpoint.name) >= 0;
    return s.kind === 'deliver';
  }

  /** Index of an endpoint, reporting `unknown-endpoint` when there is none of that name. */
  known(ref: NameRef): number {
    const table = this.input.table;
    const i = table.indexOf(ref.name);
    if (i < 0 && ref.name && !table.reportedThird(ref)) {
      const names = table.endpoints.map((e) => e.name).join(', ');
      this.ctx.report({ code: 'unknown-endpoint', range: ref.range, text: t(names ? (table.declaredMode ? 'unknown-endpoint.declared' : 'unknown-endpoint.inUse') : 'unknown-endpoint', { endpoint: ref.name, names }), params: { endpoint: ref.name } });
    }
    return i;
  }

  private runs(s: SegmentNode): boolean {
    const table = this.input.table;
    const from = table.indexOf(s.srcName);
    const to = s.dstName ? table.indexOf(s.dstName) : -1;
    return !s.unusable && from >= 0 && to >= 0 && from !== to;
  }

  private step(line: number, before: TcpState[]): void {
    if (this.ctx.trialMode) return;
    const tcbs = this.ctx.tcbs;
    let key = 0;
    for (const x of tcbs) key = key * 16 + STATE_CODE[x.state];
    let states = this.tuples[key];
    if (!states) this.tuples[key] = states = tcbs.map((x) => x.state);
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
    if (this.ctx.trialMode) return this.lastStates;
    if (this.lastStates.length !== this.ctx.tcbs.length) this.lastStates = this.ctx.tcbs.map((x) => x.state);
    return this.lastStates;
  }

  private segment(s: SegmentStatement, i: number): boolean {
    const ctx = this.ctx;
    const node = s as SegmentNode;
    const table = this.input.table;
    const from = table.indexOf(node.srcName);
    const to = node.dstName ? table.indexOf(node.dstName) : -1;
    const index = this.input.segmentAtLine[s.line];
    if (!ctx.trialMode) {
      if (from < 0 && table.declaredMode) this.known(s.src);
      else if (to < 0 && node.dstName && table.declaredMode) this.known(s.dst);
      const res: SegmentResult = { statement: s, from, to };
      if (s.old) res.old = true;
      ctx.segments[index] = res;
    }
    const id = s.id;
    let firstUse = false;
    if (id) {
      const first = ctx.ids.get(id.name);
      if (first) {
        if (!ctx.trialMode) ctx.report({ code: 'duplicate-id', range: id.range, segment: index, text: t('duplicate-id', { id: id.name, line: first.range.start.line + 1 }), params: { id: id.name }, related: [{ range: first.range, text: t('related.idFirst', { id: id.name }) }] });
      } else { ctx.ids.set(id.name, id); firstUse = true; }
    }
    if (!this.runs(node)) {
      if (id && firstUse) ctx.deadIds.set(id.name, true);
      // an ack= written on a line that did not run counts as acknowledging what its sender had received (4.4)
      if (from >= 0 && node.hasAck && !s.old) ctx.acknowledged(ctx.tcbs[from], undefined);
      return false;
    }
    const before = this.states();
    const f = s.flags;
    const w: Wire = {
      index, stmt: node, from, to, syn: f.includes('SYN'), ack: f.includes('ACK'), fin: f.includes('FIN'), rst: f.includes('RST'),
      len: s.len, win: s.win, old: s.old, sendError: false, pastWindow: false,
    };
    const sender = ctx.tcbs[from];
    const plan = planSend(ctx, sender, w);
    w.sendError = ctx.errorLines.has(s.line) || plan.findings.some((x) => (x.severity ?? SEVERITY_OF[x.code]) === 'error');
    let reading: Reading = 'meant';
    let consequence: Outcome | undefined;
    if (plan.slips.length && !ctx.trialMode) ({ reading, consequence } = this.decide(i, plan, w));
    const outcome = this.sendAndDeliver(plan, w, reading, sender, firstUse);
    this.commit(plan, w, reading, plan.slips.length ? consequence : outcome);
    this.step(s.line, before);
    this.assertions(s.assertions);
    return true;
  }

  /** The send under a reading, then the delivery (for `->`) or the flight (`~>`). */
  private sendAndDeliver(plan: SendPlan, w: Wire, reading: Reading, sender: Tcb, firstUse: boolean): Outcome | undefined {
    const ctx = this.ctx;
    setWire(w, reading === 'meant' ? plan.meant : plan.written);
    if (!w.old) {
      plan.apply(ctx, sender, reading);
      afterSend(ctx, sender, w);
      if (w.sendError && w.stmt.hasAck) ctx.acknowledged(sender, undefined);
    }
    const res = ctx.result(w);
    res.seq = w.seq;
    res.ack = w.ack ? w.ackValue : undefined;
    if (!w.old) { res.expectedSeq = plan.meant.seq; res.expectedAck = plan.meant.ackFlag ? plan.meant.ack : undefined; }
    if (plan.slips.length) res.reading = reading;
    const s = w.stmt;
    if (s.arrow === '->') {
      res.deliveredLine = s.line;
      return receive(ctx, ctx.tcbs[w.to], w, s);
    }
    if (s.arrow === '~>' && s.id && firstUse) ctx.inFlight.set(s.id.name, w);
    return undefined;
  }

  /** Tries both readings of a slip over the look-ahead window and keeps the one with fewer findings (4.4). */
  private decide(i: number, plan: SendPlan, w: Wire): { reading: Reading; consequence?: Outcome } {
    // `budget`: the count to beat. The written reading wins only with fewer findings than the meant one
    // (a tie keeps as meant), so its trial stops as soon as it reaches the meant count; with a meant count
    // of 0 only its delivery is run, for the message.
    const count = (reading: Reading, budget: number): { n: number; outcome?: Outcome } => {
      const trial = this.ctx.trial();
      const sink = trial.sink as CountingSink;
      const runner = new Runner(trial, this.input);
      const tw: Wire = { ...w };
      const outcome = runner.sendAndDeliver(plan, tw, reading, trial.tcbs[w.from], true);
      if (budget <= 0) return { n: 0, outcome };
      runner.assertions(w.stmt.assertions);
      if (sink.count < budget && runner.run(i + 1, LOOKAHEAD_EVENTS, () => sink.count >= budget)) reportEndOfFile(trial);
      return { n: sink.count, outcome };
    };
    const meant = count('meant', Infinity);
    const written = count('written', meant.n);
    return { reading: written.n < meant.n ? 'written' : 'meant', consequence: written.outcome };
  }

  /**
   * Reports the send-side findings. The first error says what a real receiver would do with the segment as
   * written (4.4: the look-ahead's as-written delivery for a slip, the delivery itself otherwise) and, for a
   * slip, which reading was kept.
   */
  private commit(plan: SendPlan, w: Wire, reading: Reading, outcome: Outcome | undefined): void {
    const first = plan.slips.length ? plan.slips[0] : plan.findings.findIndex((f) => (f.severity ?? SEVERITY_OF[f.code]) === 'error');
    plan.findings.forEach((f, k) => {
      if (k === first && f.text) f.text = slipText(f.text, this.ctx, w, reading, outcome);
      this.ctx.report(f);
    });
  }

  private deliver(s: DeliverStatement): boolean {
    const ctx = this.ctx;
    const before = this.states();
    for (const id of s.ids) {
      const wire = ctx.inFlight.get(id.name);
      if (!wire) {
        if (ctx.deadIds.has(id.name)) continue; // its line did not run: already reported there
        const at = ctx.delivered.get(id.name);
        const why = at !== undefined ? t('unknown-id.delivered', { line: at + 1 }) : ctx.ids.has(id.name) ? t('unknown-id.notInFlight') : t('unknown-id.none');
        ctx.report({ code: 'unknown-id', range: id.range, text: t('unknown-id', { id: id.name, why }), params: { id: id.name } });
        continue;
      }
      ctx.inFlight.delete(id.name);
      ctx.delivered.set(id.name, s.line);
      if (!ctx.trialMode) ctx.segments[wire.index].deliveredLine = s.line;
      receive(ctx, ctx.tcbs[wire.to], wire, id);
    }
    this.step(s.line, before);
    this.assertions(s.assertions);
    return true;
  }

  private action(s: ActionStatement): boolean {
    const i = this.known(s.endpoint);
    if (i < 0) return false;
    const ctx = this.ctx;
    const x = ctx.tcbs[i];
    const before = this.states();
    const applies = s.action === 'listen' ? x.state === 'CLOSED'
      : s.action === 'close' ? x.state === 'LISTEN' || x.state === 'SYN_SENT'
        : s.action === 'crash' ? x.state !== 'CLOSED' : x.state === 'TIME_WAIT';
    if (applies) {
      x.reset(s.action === 'listen' ? 'LISTEN' : 'CLOSED');
      x.stateSince = s;
      if (s.action === 'crash') { x.forgot = true; x.owedRst = undefined; ctx.forget(x); }
    } else {
      ctx.report({ code: 'invalid-action', range: s.actionRange, text: t(`invalid-action.${s.action}`, { endpoint: x.name, state: x.state }), params: { endpoint: x.name, state: x.state, action: s.action } });
    }
    this.step(s.line, before);
    this.assertions(s.assertions);
    return true;
  }

  assertions(list: Assertion[]): void {
    for (const a of list) {
      if (a.blank) continue;
      const i = this.known(a.endpoint);
      if (i < 0 || !a.state.state) continue;
      const x = this.ctx.tcbs[i];
      if (x.state === a.state.state) continue;
      this.ctx.report({
        code: 'state-mismatch', range: a.state.range,
        text: t('state-mismatch', { endpoint: x.name, expected: a.state.state, actual: x.state }),
        params: { endpoint: x.name, expected: a.state.state, actual: x.state },
        related: x.stateSince && !this.ctx.trialMode ? [{ range: x.stateSince.range, text: t('related.state', { endpoint: x.name, state: x.state }) }] : undefined,
      });
    }
  }
}

function isPossibleEvent(s: Statement): boolean { return s.kind === 'segment' || s.kind === 'action' || s.kind === 'deliver'; }

function setWire(w: Wire, v: WireValues): void {
  w.seq = v.seq;
  w.ack = v.ackFlag;
  w.ackValue = v.ackFlag ? v.ack : undefined;
}

/** The slip's message with what the receiver would do with the segment as written, and the reading kept. */
function slipText(main: Text, ctx: Context, w: Wire, reading: Reading, outcome: Outcome | undefined): Text {
  const receiver = ctx.tcbs[w.to]?.name ?? '';
  let consequence: Text | undefined;
  if (outcome && w.stmt.arrow === '->') {
    const p = { receiver, state: outcome.before, after: outcome.after, flags: flagText({ ...w, syn: w.stmt.flags.includes('SYN'), ack: w.stmt.flags.includes('ACK') }) };
    const id = outcome.kind === 'take' ? (outcome.before === outcome.after ? 'consequence.takeStay' : 'consequence.takeGo') : `consequence.${outcome.kind}`;
    consequence = t(id, p);
  }
  if (reading === 'written') return consequence ? t('slip.written', { main, consequence }) : t('slip.writtenOnly', { main });
  return consequence ? t('slip', { main, consequence }) : main;
}
