// Completion: items for a position, and above all the exact seq/ack value the validator expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze, type Position } from '../../src/core/index.ts';
import { completionsAt, type CompletionResult } from '../../src/core/editor/completion.ts';
import { applyEdits } from '../../src/core/editor/quickFixes.ts';
import { file, HANDSHAKE } from './helpers.ts';

/** Completions at the end of the last line (or at `|` in it). */
function complete(...lines: string[]): CompletionResult {
  let pos: Position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const bar = lines.findIndex((l) => l.includes('|'));
  if (bar >= 0) {
    pos = { line: bar, character: lines[bar].indexOf('|') };
    lines = lines.map((l, i) => (i === bar ? l.replace('|', '') : l));
  }
  const text = lines.join('\n');
  return completionsAt(analyze(text), text, pos);
}
const labels = (r: CompletionResult) => r.items.map((i) => i.label);
const first = (r: CompletionResult) => r.items[0];

const SYN_SYNACK = HANDSHAKE.slice(0, 4);

test('seq= offers the expected value first and preselected: x+1 after the handshake SYN', () => {
  const r = complete(...SYN_SYNACK, 'client -> server: ACK seq=');
  assert.equal(r.context, 'seq');
  assert.equal(first(r).label, 'x+1');
  assert.equal(first(r).preselect, true);
  assert.equal(r.items.filter((i) => i.preselect).length, 1);
  assert.match(first(r).documentation ?? '', /SND\.NXT of client/);
});

test('ack= offers RCV.NXT: y+1 for the client, x+1 for the server', () => {
  assert.equal(first(complete(...SYN_SYNACK, 'client -> server: ACK seq=x+1 ack=')).label, 'y+1');
  assert.equal(first(complete(...HANDSHAKE.slice(0, 3), 'server -> client: SYN+ACK seq=y ack=')).label, 'x+1');
});

test('the value replaces what is already written after the cursor', () => {
  const r = complete(...SYN_SYNACK, 'client -> server: ACK seq=|x ack=y+1');
  assert.equal(first(r).label, 'x+1');
  assert.deepEqual(first(r).range, { start: { line: 4, character: 26 }, end: { line: 4, character: 27 } });
});

test('values follow the file\'s notation: later symbols (u, v) and plain numbers', () => {
  const teardown = [...HANDSHAKE, 'client -> server: FIN+ACK seq=u ack=v'];
  assert.equal(first(complete(...teardown, 'server -> client: ACK seq=')).label, 'v');
  assert.equal(first(complete(...teardown, 'server -> client: ACK seq=v ack=')).label, 'u+1');
  const numeric = ['endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=1000', 's -> c: SYN+ACK seq=5000 ack=1001'];
  assert.equal(first(complete(...numeric, 'c -> s: ACK seq=')).label, '1001');
  assert.equal(first(complete(...numeric, 'c -> s: ACK seq=1001 ack=')).label, '5001');
  assert.equal(first(complete(...numeric, 'c -> s: PSH+ACK seq=1001 ack=5001 len=10', 's -> c: ACK seq=5001 ack=')).label, '1011');
});

test('where any value is right (a SYN) a fresh symbol is offered, never one already in use', () => {
  const syn = complete('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=');
  assert.equal(first(syn).label, 'x');
  assert.match(first(syn).detail ?? '', /new ISS/);
  assert.equal(first(complete(...HANDSHAKE.slice(0, 3), 'server -> client: SYN+ACK seq=')).label, 'y');
});

test('an ISS the file never named is written with a new symbol that the validator binds to it', () => {
  const lines = ['endpoint client', 'endpoint server LISTEN', 'client -> server: SYN', 'server -> client: SYN+ACK seq=y ack='];
  const r = complete(...lines);
  assert.equal(first(r).label, 'x+1');
  const text = file(...lines.slice(0, 3), lines[3] + first(r).label, 'client -> server: ACK seq=x+1 ack=y+1');
  assert.deepEqual(analyze(text).diagnostics.map((d) => d.code), []);
});

test('RST answers: the expected seq comes from the segment being answered', () => {
  // server is CLOSED: it answers the SYN with RST+ACK seq=0 ack=x+1
  const r = complete('endpoint client', 'endpoint server', 'client -> server: SYN seq=x', 'server -> client: RST+ACK seq=');
  assert.equal(first(r).label, '0');
  const a = complete('endpoint client', 'endpoint server', 'client -> server: SYN seq=x', 'server -> client: RST+ACK seq=0 ack=');
  assert.equal(first(a).label, 'x+1');
});

test('every expected value in the examples, written back, changes no diagnostic', () => {
  const dir = resolve(import.meta.dirname, '../../examples');
  let checked = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tcpseq'))) {
    const text = readFileSync(resolve(dir, name), 'utf8');
    const a = analyze(text);
    const before = a.diagnostics.map((d) => `${d.range.start.line} ${d.code}`).join(',');
    a.segments.forEach((s, index) => {
      if (s.statement.old) return; // an old duplicate's numbers belong to an earlier connection: nothing is expected
      // A retransmission or a keep-alive probe repeats an older seq on purpose: the validator expects SND.NXT.
      const deliberate = a.diagnostics.some((d) => d.segment === index && (d.code === 'retransmission' || d.code === 'keep-alive'));
      for (const expr of deliberate ? [s.statement.ack] : [s.statement.seq, s.statement.ack]) {
        if (!expr) continue;
        const r = completionsAt(a, text, expr.range.start);
        const item = first(r);
        assert.ok(item, `${name}:${expr.range.start.line + 1}: no value offered`);
        if (/new ISS|any value/.test(item.detail ?? '')) continue; // any value is right there
        const changed = applyEdits(text, [{ range: item.range ?? r.range, newText: item.label }]);
        const after = analyze(changed).diagnostics.map((d) => `${d.range.start.line} ${d.code}`).join(',');
        assert.equal(after, before, `${name}:${expr.range.start.line + 1}: ${expr.text} -> ${item.label}`);
        checked++;
      }
    });
  }
  assert.ok(checked > 50, `only ${checked} values checked`);
});

test('flags after the arrow: long names and combos, the likely one first', () => {
  const r = complete(...SYN_SYNACK, 'client -> server: ');
  assert.equal(r.context, 'flags');
  for (const f of ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'SYN+ACK', 'FIN+ACK', 'PSH+ACK']) assert.ok(labels(r).includes(f), f);
  assert.equal(first(r).label, 'ACK seq=x+1 ack=y+1', 'the whole segment the validator expects comes first');
  assert.equal(first(r).preselect, true);
  const fresh = complete('endpoint client', 'endpoint server LISTEN', 'client -> server: ');
  assert.equal(first(fresh).label, 'SYN seq=x');
  const listen = complete(...HANDSHAKE.slice(0, 3), 'server -> client: ');
  assert.match(first(listen).label, /^SYN\+ACK seq=y ack=x\+1$/);
});

test('after a + only single flags not already present are offered', () => {
  const r = complete(...SYN_SYNACK, 'client -> server: FIN+');
  assert.equal(r.context, 'flags');
  assert.ok(labels(r).includes('ACK'));
  assert.ok(!labels(r).includes('FIN'));
});

test('fields after the flags, without the ones already written; id first on ~>', () => {
  const r = complete(...SYN_SYNACK, 'client -> server: ACK seq=x+1 ');
  assert.equal(r.context, 'fields');
  const l = labels(r);
  for (const f of ['ack=', 'len=', 'data=""', 'win=', 'id=']) assert.ok(l.includes(f), f);
  assert.ok(!l.includes('seq='));
  const inFlight = complete(...SYN_SYNACK, 'client ~> server: ACK ');
  assert.equal(first(inFlight).label, 'id=');
  assert.equal(first(inFlight).insertText, 'id=s1 ');
});

test('endpoint names at line start and after the arrow; arrows and actions after a name', () => {
  const start = complete(...SYN_SYNACK, '');
  assert.equal(start.context, 'line-start');
  assert.deepEqual(labels(start).slice(0, 2), ['client', 'server']);
  for (const k of ['title', 'endpoint', 'expect', 'deliver', 'note']) assert.ok(labels(start).includes(k), k);
  const receiver = complete(...SYN_SYNACK, 'client -> ');
  assert.deepEqual(labels(receiver), ['server']);
  const after = complete(...HANDSHAKE, 'client ');
  assert.ok(['->', '-x', '~>', 'listen', 'close', 'wait 2MSL'].every((x) => labels(after).includes(x)));
  const timeWait = complete('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN', 'b -> a: SYN+ACK', 'a -> b: ACK',
    'a -> b: FIN+ACK', 'b -> a: ACK', 'b -> a: FIN+ACK', 'a -> b: ACK', 'a ');
  assert.equal(first(timeWait).label, 'wait 2MSL', 'in TIME_WAIT the 2MSL wait applies');
});

test('state names after =>, expect NAME and endpoint NAME; the real state preselected', () => {
  const pairs = complete(...SYN_SYNACK, 'client -> server: ACK seq=x+1 ack=y+1 => ');
  assert.equal(pairs.context, 'assertion-endpoint');
  assert.equal(first(pairs).label, 'client ESTABLISHED, server ESTABLISHED');
  const states = complete(...SYN_SYNACK, 'client -> server: ACK seq=x+1 ack=y+1 => server ');
  assert.equal(states.context, 'assertion-state');
  assert.equal(first(states).label, 'ESTABLISHED');
  assert.equal(first(states).preselect, true);
  assert.equal(states.items.length, 11);
  const expect = complete(...SYN_SYNACK, 'expect server ');
  assert.equal(first(expect).label, 'SYN_RECEIVED');
  const second = complete(...SYN_SYNACK, 'expect server SYN_RECEIVED, ');
  assert.deepEqual(labels(second), ['client']);
  const decl = complete('endpoint client', 'endpoint server ');
  assert.equal(decl.context, 'endpoint-state');
  assert.deepEqual(labels(decl).slice(0, 2), ['CLOSED', 'LISTEN']);
});

test('deliver offers the ids in flight at that line', () => {
  const r = complete(...SYN_SYNACK, 'client ~> server: ACK id=a1', 'client ~> server: ACK id=a2', 'deliver a2', 'deliver ');
  assert.deepEqual(labels(r), ['a1']);
});

test('nothing inside a comment or a quoted string; bad input never throws', () => {
  assert.equal(complete(...SYN_SYNACK, 'client -> server: ACK # seq=').items.length, 0);
  assert.equal(complete(...SYN_SYNACK, 'client -> server: PSH+ACK data="seq=').items.length, 0);
  for (const junk of ['->', '=> =>', '~> ~> ~>', 'seq=', 'client -> -> server: seq=', '\u{1F600} -> x', 'deliver =>', 'endpoint']) {
    assert.doesNotThrow(() => complete(...SYN_SYNACK, junk));
  }
  assert.doesNotThrow(() => completionsAt(analyze(''), '', { line: 5, character: 99 }));
});

test('actions: 2MSL after wait, the states after an action line', () => {
  assert.deepEqual(labels(complete(...HANDSHAKE, 'client wait ')), ['2MSL']);
  const listen = complete('endpoint a', 'endpoint b', 'b listen ');
  assert.equal(first(listen).label, '=> a CLOSED, b LISTEN');
});

// ---- contract v2: a connection that already exists, old duplicates, crash ----

const KR = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED'];

test('endpoint NAME offers ESTABLISHED snd= rcv= with the mirror of the peer\'s declaration, first when the peer is ESTABLISHED', () => {
  const r = complete(KR[0], 'endpoint B ');
  assert.equal(r.context, 'endpoint-state');
  assert.equal(first(r).label, 'ESTABLISHED snd=79 rcv=42');
  assert.equal(first(r).preselect, true);
  assert.ok(labels(r).includes('ESTABLISHED'));
  const text = file(KR[0], `endpoint B ${first(r).insertText}`, 'A -> B: ACK seq=42 ack=79 data="C"');
  assert.deepEqual(analyze(text).diagnostics.map((d) => d.code), [], 'the completed declaration mirrors the peer');
  // no peer yet: placeholders in a snippet, after CLOSED and LISTEN
  const alone = complete('endpoint A ');
  assert.deepEqual(labels(alone).slice(0, 3), ['CLOSED', 'LISTEN', 'ESTABLISHED']);
  const est = alone.items.find((i) => i.label.startsWith('ESTABLISHED snd='));
  assert.ok(est?.snippet && /\$\{1:/.test(est.insertText ?? ''), 'placeholders to fill in');
});

test('after ESTABLISHED: snd=, rcv=, win= with the expected values; after snd= the mirror value', () => {
  const r = complete('endpoint A ESTABLISHED |', 'endpoint B ESTABLISHED snd=79 rcv=42');
  assert.equal(r.context, 'endpoint-fields');
  assert.deepEqual(labels(r).slice(0, 3), ['snd=42', 'rcv=79', 'win=']);
  const v = complete('endpoint A ESTABLISHED snd=|', 'endpoint B ESTABLISHED snd=79 rcv=42');
  assert.equal(v.context, 'snd');
  assert.equal(first(v).label, '42');
  assert.equal(first(complete(KR[0], 'endpoint B ESTABLISHED snd=79 rcv=')).label, '42');
  const written = complete(KR[0], 'endpoint B ESTABLISHED snd=79 ');
  assert.ok(!labels(written).some((l) => l.startsWith('snd=')), 'a field already written is not offered again');
});

test('values neither side declares are the ones the first segment wrote (2.2)', () => {
  const r = complete('endpoint A ESTABLISHED', 'endpoint B |', 'A -> B: ACK seq=1000 ack=5000 len=10', 'B -> A: ACK seq=5000 ack=1010');
  assert.equal(r.items.find((i) => i.label.startsWith('ESTABLISHED snd='))?.label, 'ESTABLISHED snd=5000 rcv=1000');
});

test('old at the start of a segment line; after it the senders, then arrows only, flags without expected values', () => {
  const start = complete(...KR, '');
  const old = start.items.find((i) => i.label === 'old');
  assert.ok(old, 'old is offered at line start');
  assert.match(old.detail ?? '', /old duplicate/);
  const senders = complete(...KR, 'old ');
  assert.equal(senders.context, 'old-sender');
  assert.deepEqual(labels(senders), ['A', 'B']);
  const after = complete(...KR, 'old B ');
  assert.deepEqual(labels(after), ['->', '-x', '~>'], 'no action after an old duplicate\'s sender');
  const flags = complete(...KR, 'old B -> A: ');
  assert.equal(flags.context, 'flags');
  assert.equal(first(flags).label, 'SYN');
  assert.ok(!flags.items.some((i) => i.kind === 'segment'), 'no whole segment: nothing is expected of an old duplicate');
  const seq = complete(...KR, 'old B -> A: SYN seq=');
  assert.equal(seq.context, 'seq');
  assert.ok(!seq.items.some((i) => i.preselect), 'any seq is right for an old duplicate');
  const named = complete('endpoint old', 'endpoint b LISTEN', 'old ');
  assert.equal(named.context, 'old-sender');
  assert.equal(complete('endpoint old', 'endpoint b LISTEN', 'old -> ').context, 'receiver', '`old ->` is an endpoint named old');
});

test('crash is an action: offered on an open connection, marked as not applying in CLOSED', () => {
  const est = complete(...KR, 'A ');
  const crash = est.items.find((i) => i.label === 'crash');
  assert.ok(crash && crash.kind === 'action');
  assert.match(crash.detail ?? '', /half-open/);
  assert.doesNotMatch(crash.detail ?? '', /A is/);
  const closed = complete('endpoint a', 'endpoint b LISTEN', 'a ');
  assert.match(closed.items.find((i) => i.label === 'crash')?.detail ?? '', /\(a is CLOSED\)/);
});

test('completion details speak the language asked for', () => {
  const text = [...KR, 'A '].join('\n');
  const zh = completionsAt(analyze(text), text, { line: 2, character: 2 }, 'zh-cn');
  assert.match(zh.items.find((i) => i.label === 'crash')?.detail ?? '', /主机崩溃/);
  const decl = completionsAt(analyze('endpoint A '), 'endpoint A ', { line: 0, character: 11 }, 'zh-cn');
  assert.match(decl.items[2]!.detail ?? '', /连接已经存在/);
});

test('on an established connection: seq/ack a line has not written yet are free; declared ones complete whole segments', () => {
  const open = ['endpoint A ESTABLISHED', 'endpoint B ESTABLISHED'];
  const seq = complete(...open, 'A -> B: ACK seq=');
  assert.match(first(seq).detail ?? '', /any value is right/);
  assert.match(first(seq).documentation ?? '', /first one written sets its SND\.NXT/);
  assert.match(first(complete(...open, 'A -> B: ACK seq=1000 ack=')).documentation ?? '', /sets its RCV\.NXT/);
  assert.ok(!complete(...open, 'A -> B: ').items.some((i) => i.kind === 'segment'), 'no whole segment made of unknowns');
  const declared = complete('endpoint A ESTABLISHED snd=1 rcv=2', 'endpoint B ESTABLISHED', 'B -> A: ');
  assert.equal(first(declared).label, 'ACK seq=2 ack=1', 'B\'s numbers mirror A\'s declaration');
  const after = complete('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=1000 ack=5000 len=10', 'B -> A: ACK seq=');
  assert.equal(first(after).label, '5000', 'once written, the value is expected');
});
