// The diagram model: arrows per segment, states on each endpoint's side, sections, notes and findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { buildDiagram, diagramOf, type DiagramItem, type DiagramModel } from '../../src/core/diagram/index.ts';
import { file, HANDSHAKE } from './helpers.ts';

function model(text: string): DiagramModel { return buildDiagram(analyze(text), { text }); }
function notesOf(m: DiagramModel, kind: string): string[] {
  return m.notes.filter((n) => n.kind === kind).map((n) => `${n.placement}:${n.endpoints.join(',')}:${n.text.join('|')}`);
}
function flat(items: DiagramItem[]): DiagramItem[] {
  return items.flatMap((i) => (i.kind === 'highlight' || i.kind === 'section' ? [i, ...flat(i.items)] : [i]));
}

test('one message per segment, in order, with its source line and label', () => {
  const m = model(file(...HANDSHAKE));
  assert.deepEqual(m.messages.map((x) => [x.line, x.from, x.to, x.kind, x.label]), [
    [2, 0, 1, 'delivered', 'SYN seq=x'],
    [3, 1, 0, 'delivered', 'SYN+ACK seq=y ack=x+1'],
    [4, 0, 1, 'delivered', 'ACK seq=x+1 ack=y+1'],
  ]);
  assert.deepEqual(m.messages.map((x) => x.index), [0, 1, 2]);
  assert.equal(m.messages[1]!.source, 'server -> client: SYN+ACK seq=y ack=x+1');
});

test('initial states at the top, then every change on the endpoint\'s own side', () => {
  const m = model(file(...HANDSHAKE));
  assert.deepEqual(notesOf(m, 'initial-state'), ['left:0:CLOSED', 'right:1:LISTEN']);
  assert.deepEqual(notesOf(m, 'state'), ['left:0:SYN_SENT', 'right:1:SYN_RECEIVED', 'left:0:ESTABLISHED', 'right:1:ESTABLISHED']);
  assert.equal(m.notes[0]!.kind, 'initial-state');
  assert.deepEqual(m.notes.map((n) => n.index), m.notes.map((_, i) => i));
});

test('values left out are filled in with the expected ones', () => {
  const m = model(file('endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=100', 's -> c: SYN+ACK seq=300', 'c -> s: ACK'));
  assert.deepEqual(m.messages.map((x) => x.label), ['SYN seq=100', 'SYN+ACK seq=300 ack=101', 'ACK seq=101 ack=301']);
});

test('a lost segment is a lost arrow and changes only the sender', () => {
  const m = model(file('endpoint c', 'endpoint s LISTEN', 'c -x s: SYN seq=x', 'c -> s: SYN seq=x'));
  assert.equal(m.messages[0]!.kind, 'lost');
  assert.deepEqual(notesOf(m, 'state'), ['left:0:SYN_SENT', 'right:1:SYN_RECEIVED']);
  assert.match(diagramOf(analyze(file('endpoint c', 'endpoint s LISTEN', 'c -x s: SYN seq=x'))).mermaid, /p0-xp1: SYN seq=x/);
});

test('an in-flight segment is marked at its send and drawn where it is delivered', () => {
  const text = file('endpoint a', 'endpoint b', 'a ~> b: SYN seq=x id=sa', 'b ~> a: SYN seq=y id=sb', 'deliver sa, sb');
  const m = model(text);
  assert.deepEqual(notesOf(m, 'send'), ['left:0:sends sa (SYN) ⇢', 'right:1:sends sb (SYN) ⇢']);
  assert.deepEqual(m.messages.map((x) => [x.kind, x.line, x.deliveredLine, x.label]), [
    ['late', 2, 4, 'sa · SYN seq=x'], ['late', 3, 4, 'sb · SYN seq=y'],
  ]);
  const { mermaid } = diagramOf(analyze(text));
  const lines = mermaid.split('\n').map((l) => l.trim());
  // Both sends come before both arrows: the crossing reads as crossing.
  assert.ok(lines.indexOf('note right of p1: sends sb (SYN) ⇢') < lines.indexOf('p0-)p1: sa · SYN seq=x'));
  assert.deepEqual(notesOf(m, 'state').slice(-2), ['left:0:SYN_RECEIVED', 'right:1:SYN_RECEIVED']);
});

test('an in-flight segment never delivered is drawn at its send, marked', () => {
  const m = model(file('endpoint a', 'endpoint b LISTEN', 'a ~> b: SYN seq=x id=s1'));
  assert.equal(m.messages[0]!.kind, 'in-flight');
  assert.match(m.messages[0]!.label, /never delivered/);
  assert.deepEqual(notesOf(m, 'send'), []);
  assert.match(diagramOf(analyze(file('endpoint a', 'endpoint b LISTEN', 'a ~> b: SYN seq=x id=s1'))).mermaid, /p0--\)p1/);
});

test('sections are bands with their name as the first note; notes go over their endpoint', () => {
  const m = model(file('endpoint c', 'endpoint s LISTEN', '== Open ==', 'note s: waiting', 'c -> s: SYN seq=x', '== Next ==', 'note: both'));
  const sections = m.items.filter((i) => i.kind === 'section');
  assert.deepEqual(sections.map((s) => s.kind === 'section' && [s.name, s.band]), [['Open', 0], ['Next', 1]]);
  assert.deepEqual(notesOf(m, 'section'), ['over:0,1:Open', 'over:0,1:Next']);
  assert.deepEqual(notesOf(m, 'note'), ['over:1:waiting', 'over:0,1:both']);
  const mermaid = diagramOf(analyze(file('endpoint c', 'endpoint s LISTEN', '== Open ==', 'c -> s: SYN seq=x', 's -> c: SYN+ACK seq=y', 'c -> s: ACK'))).mermaid;
  assert.match(mermaid, /rect rgba\([^)]*\)\n {4}note over p0,p1: Open\n {4}p0->>p1/);
  assert.equal((mermaid.match(/^\s*rect /gm) ?? []).length, (mermaid.match(/^\s*end$/gm) ?? []).length);
});

test('an action that changes the state shows the action with the new state', () => {
  const m = model(file('endpoint c', 'endpoint s', 's listen', 'c -> s: SYN seq=x'));
  assert.deepEqual(notesOf(m, 'state')[0], 'right:1:listen|→ LISTEN');
});

test('errors are marked loudly on the segment, warnings less; infos join the label', () => {
  const text = file('endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=x', 's -> c: SYN+ACK seq=y ack=x', 'c -> s: ACK seq=x+1 ack=y+1');
  const m = model(text);
  const bands = flat(m.items).filter((i) => i.kind === 'highlight');
  assert.deepEqual(bands.map((b) => b.kind === 'highlight' && b.severity), ['warning', 'error', 'error']);
  const findings = m.notes.filter((n) => n.kind === 'finding');
  assert.match(findings[1]!.text.join(' '), /^✖ wrong-ack: ack should be x\+1/);
  assert.equal(findings[1]!.severity, 'error');
  assert.equal(findings[0]!.severity, 'warning');
  assert.match(findings[0]!.text[0]!, /^⚠ unacknowledged/);
  assert.equal(m.messages[1]!.worst, 'error');
  assert.ok(m.messages[1]!.findings.some((f) => f.code === 'wrong-ack'));
  const { mermaid } = diagramOf(analyze(text));
  assert.match(mermaid, /rect rgba\(229, 57, 53, [\d.]+\)\n\s+p1->>p0: SYN\+ACK seq=y ack=x\n\s+note over p0,p1: ✖ wrong-ack/);
  const retrans = model(file(...HANDSHAKE, 'client -> server: ACK seq=x+1 ack=y+1 len=5', 'client -> server: ACK seq=x+1 ack=y+1 len=5'));
  assert.match(retrans.messages.at(-1)!.label, /\(.*retransmission.*\)$/);
});

test('findings of lines without an arrow keep their place', () => {
  const m = model(file('endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=x', 'this is not tcpseq', 'c -> zz: SYN', 's -> c: SYN+ACK seq=y ack=x+1'));
  const order = flat(m.items).flatMap((i) => (i.kind === 'message' ? [`m${i.message.line}`] : i.kind === 'note' && i.note.kind === 'finding' ? [`f${i.note.line}`] : []));
  assert.deepEqual(order.slice(0, 4), ['m2', 'f3', 'f4', 'm5']);
});

test('a file with no endpoint, or one, still gives a valid drawing', () => {
  assert.equal(diagramOf(analyze('')).mermaid, 'sequenceDiagram\n');
  const one = diagramOf(analyze(file('endpoint a', 'note: hello', 'a -> a: SYN')));
  assert.equal(one.model.messages.length, 0);
  assert.match(one.mermaid, /note over p0: hello/);
  assert.doesNotMatch(one.mermaid, /p1/);
});

test('the model and text for 1,000 segments hold every message (its time is measured by npm run bench)', () => {
  const lines = [...HANDSHAKE];
  for (let i = 0; i < 997; i++) lines.push(i % 2 ? 'server -> client: ACK' : 'client -> server: ACK len=10');
  const text = file(...lines);
  const { model: m, mermaid } = diagramOf(analyze(text), text);
  assert.equal(m.messages.length, 1000);
  assert.equal(mermaid.split('\n').filter((l) => /^\s*p[01]-/.test(l)).length, 1000);
});

test('a huge file is drawn up to maxMessages arrows, with a closing note saying how many are left out', () => {
  const lines = [...HANDSHAKE];
  for (let i = 0; i < 997; i++) lines.push(i % 2 ? 'server -> client: ACK' : 'client -> server: ACK len=10');
  const text = file(...lines);
  const { model, mermaid } = diagramOf(analyze(text), text, 50);
  assert.equal(model.messages.length, 50);
  const last = model.notes[model.notes.length - 1]!;
  assert.match(last.text.join(' '), /first 50 segments; the 950 others from line \d+ on are checked but not drawn/);
  assert.match(mermaid, /the 950 others/);
  assert.equal(diagramOf(analyze(text), text).model.messages.length, 1000, 'no limit unless asked');
});
