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
  const text = file('endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=x', 's -> c: SYN+ACK seq=y ack=x', 'c -> s: ACK seq=x+1 ack=y+1', 'c ~> s: ACK len=5 id=d1');
  const m = model(text);
  const bands = flat(m.items).filter((i) => i.kind === 'highlight');
  assert.deepEqual(bands.map((b) => b.kind === 'highlight' && b.severity), ['error', 'warning']);
  const findings = m.notes.filter((n) => n.kind === 'finding');
  assert.match(findings[0]!.text.join(' '), /^✖ wrong-ack: ack should be x\+1/);
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[1]!.severity, 'warning');
  assert.match(findings[1]!.text[0]!, /^⚠ undelivered/);
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

// ---- contract v2: ESTABLISHED starts, old duplicates, crashes, windows; other languages ----

const V2 = [
  'endpoint A ESTABLISHED snd=42 rcv=79',
  'endpoint B ESTABLISHED win=100',
  'A -> B: ACK seq=42 ack=79 len=60',
  'B -> A: ACK seq=79 ack=102 win=40',
  'old B -> A: SYN seq=5',
  'old B -x A: ACK seq=7 ack=9',
  'A crash',
];

test('initial notes of a connection that already exists show ESTABLISHED snd=… rcv=… (and the declared window)', () => {
  const m = model(file(...V2));
  assert.deepEqual(notesOf(m, 'initial-state'), ['left:0:ESTABLISHED|snd=42 rcv=79', 'right:1:ESTABLISHED|snd=79 rcv=42 win=100']);
  const taken = model(file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=1000 ack=5000 len=10'));
  assert.deepEqual(notesOf(taken, 'initial-state'), ['left:0:ESTABLISHED|snd=1000 rcv=5000', 'right:1:ESTABLISHED|snd=5000 rcv=1000']);
  assert.deepEqual(notesOf(model(file(...HANDSHAKE)), 'initial-state'), ['left:0:CLOSED', 'right:1:LISTEN'], 'other starts unchanged');
});

test('an old duplicate is dashed and labelled, delivered or lost; a normal arrow is not', () => {
  const m = model(file(...V2));
  const olds = m.messages.filter((x) => x.old);
  assert.deepEqual(olds.map((x) => [x.kind, x.label]), [
    ['delivered', 'old duplicate · SYN seq=5 (challenge-ack)'],
    ['lost', 'old duplicate · ACK seq=7 ack=9'],
  ]);
  assert.ok(m.messages.slice(0, 2).every((x) => !x.old && !/old duplicate/.test(x.label)));
  const { mermaid } = diagramOf(analyze(file(...V2)));
  assert.match(mermaid, /^ {2}p1-->>p0: old duplicate · SYN seq=5/m);
  assert.match(mermaid, /^ {2}p1--xp0: old duplicate · ACK seq=7 ack=9$/m);
  assert.match(mermaid, /^ {2}p0->>p1: ACK seq=42 ack=79 len=60$/m);
});

test('a crash is marked on its side at the crash line; window values show on segments that carry win=', () => {
  const m = model(file(...V2));
  const crash = m.notes.find((n) => n.crash);
  assert.ok(crash);
  assert.equal(crash.line, 6);
  assert.equal(crash.placement, 'left');
  assert.deepEqual(crash.text, ['✸ crash: the connection is forgotten', '→ CLOSED']);
  assert.match(diagramOf(analyze(file(...V2))).mermaid, /note left of p0: #10040; crash#58; the connection is forgotten<br\/>→ CLOSED/);
  assert.equal(m.messages[1]!.label, 'ACK seq=79 ack=102 win=40');
  assert.doesNotMatch(m.messages[0]!.label, /win=/);
});

test('the diagram speaks Chinese when asked: its own words and the findings', () => {
  const text = file(...V2, 'A -> B: ACK seq=1 ack=2');
  const zh = buildDiagram(analyze(text), { text, lang: 'zh-cn' });
  assert.match(zh.messages.find((x) => x.old)!.label, /^旧的重复报文段 · SYN/);
  assert.equal(zh.notes.find((n) => n.crash)!.text[0], '✸ 主机崩溃：连接被遗忘');
  const inFlight = buildDiagram(analyze(file('endpoint a', 'endpoint b LISTEN', 'a ~> b: SYN seq=x id=s1')), { lang: 'zh-cn' });
  assert.match(inFlight.messages[0]!.label, /（始终没有交付）$/);
  assert.match(diagramOf(analyze(text), text, undefined, 'zh-cn').mermaid, /旧的重复报文段/);
});

test('escaping: words from the file never reach Mermaid raw, in old labels or ESTABLISHED notes', () => {
  const text = file('endpoint A ESTABLISHED snd=x rcv=y as "a;b"', 'endpoint B ESTABLISHED', 'old B -> A: SYN seq=z', 'note: %%{init}%% #1; <b>');
  const { mermaid } = diagramOf(analyze(text), text);
  assert.doesNotMatch(mermaid, /%%|<b>|a;b/);
  assert.match(mermaid, /snd=x rcv=y/);
});

test('numbers no line has written (an ESTABLISHED side left open) never show an internal name', () => {
  const text = file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK len=5', 'B -> A: ACK');
  const m = model(text);
  assert.deepEqual(m.messages.map((x) => x.label), ['ACK len=5', 'ACK']);
  assert.deepEqual(notesOf(m, 'initial-state'), ['left:0:ESTABLISHED|snd=? rcv=?', 'right:1:ESTABLISHED|snd=? rcv=?']);
  assert.doesNotMatch(diagramOf(analyze(text), text).mermaid, /#35;/, 'no `#` of an internal unknown');
});
