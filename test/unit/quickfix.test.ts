// Quick fixes: the edit of each fix, that applying it removes its diagnostic, and "fix all" for seq/ack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze, type Diagnostic } from '../../src/core/index.ts';
import { applyEdits, fixAllSeqAck, hasQuickFix, quickFixesFor, quickFixesInRange, readAsWritten, type QuickFix } from '../../src/core/editor/quickFixes.ts';
import { file, HANDSHAKE } from './helpers.ts';

function fixesOf(text: string, code: string): { fixes: QuickFix[]; d: Diagnostic } {
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code} in:\n${text}`);
  return { fixes: quickFixesFor(a, text, d), d };
}

/** Applies the first (preferred) fix for `code` and returns the new text's line `line` (0-based). */
function fixedLine(text: string, code: string, line: number, which = 0): string {
  const { fixes } = fixesOf(text, code);
  assert.ok(fixes[which], `no fix #${which} for ${code}`);
  return applyEdits(text, fixes[which].edits).split('\n')[line];
}

const codes = (text: string) => analyze(text).diagnostics.map((d) => d.code);

test('wrong-seq and wrong-ack: replace with the expected value', () => {
  const text = file(...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x ack=y   # comment');
  const { fixes } = fixesOf(text, 'wrong-seq');
  assert.equal(fixes[0].title, 'Change seq to x+1');
  assert.equal(fixes[0].preferred, true);
  assert.equal(fixedLine(text, 'wrong-seq', 4), 'client -> server: ACK seq=x+1 ack=y   # comment');
  assert.equal(fixedLine(text, 'wrong-ack', 4), 'client -> server: ACK seq=x ack=y+1   # comment');
});

test('a wrong value whose expected value cannot be written in the file: remove the field, the validator fills it in', () => {
  // (v2 never checks a number the file has not written, so the finding is built by hand from a real one)
  const text = file(...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x+1 ack=7');
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'wrong-ack')!;
  const fixes = quickFixesFor(a, text, { ...d, params: { ...d.params, expected: 'ISS(server)+1' } });
  assert.match(fixes[0].title, /^Remove ack=/);
  assert.equal(applyEdits(text, fixes[0].edits).split('\n')[4], 'client -> server: ACK seq=x+1');
  assert.deepEqual(codes(applyEdits(text, fixes[0].edits)), [], 'the value filled in is the expected one');
  const unnamed = file('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN', 'server -> client: SYN+ACK seq=y ack=7');
  assert.ok(!codes(unnamed).includes('wrong-ack'), 'an ISS no line wrote is not checked (4.4)');
});

test('state-mismatch: the real state; not preferred when the line has another error', () => {
  const text = file(...HANDSHAKE, 'expect server LISTEN');
  assert.equal(fixesOf(text, 'state-mismatch').fixes[0].title, 'Change to ESTABLISHED (server\'s state here)');
  assert.equal(fixedLine(text, 'state-mismatch', 5), 'expect server ESTABLISHED');
  const caused = file(...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x ack=y+1 => server LISTEN');
  const f = fixesOf(caused, 'state-mismatch').fixes[0];
  assert.equal(f.preferred, false, 'the wrong seq is the cause, not the assertion');
});

test('unknown-state and unknown-flag: the nearest name; unknown-state also the real state', () => {
  const text = file(...HANDSHAKE.slice(0, 3), 'expect server SYN_RECIEVED');
  assert.equal(fixedLine(text, 'unknown-state', 3), 'expect server SYN_RECEIVED');
  const far = file(...HANDSHAKE, 'expect server BANANA');
  const { fixes } = fixesOf(far, 'unknown-state');
  assert.deepEqual(fixes.map((f) => f.title), ['Change to ESTABLISHED (the state here)']);
  const flag = file(...HANDSHAKE.slice(0, 2), 'client -> server: SYNN seq=x');
  assert.equal(fixedLine(flag, 'unknown-flag', 2), 'client -> server: SYN seq=x');
});

test('missing-ack-flag: +ACK after long names, a dot after packetdrill letters', () => {
  const long = file(...HANDSHAKE, 'client -> server: FIN seq=x+1 ack=y+1');
  assert.equal(fixedLine(long, 'missing-ack-flag', 5), 'client -> server: FIN+ACK seq=x+1 ack=y+1');
  assert.ok(!codes(applyEdits(long, fixesOf(long, 'missing-ack-flag').fixes[0].edits)).includes('missing-ack-flag'));
  const short = file(...HANDSHAKE, 'client -> server: F seq=x+1 ack=y+1');
  assert.equal(fixedLine(short, 'missing-ack-flag', 5), 'client -> server: F. seq=x+1 ack=y+1');
  const rst = file('endpoint client', 'endpoint server', 'client -> server: SYN seq=x', 'server -> client: RST seq=0 ack=x+1');
  assert.equal(fixedLine(rst, 'missing-ack-flag', 3), 'server -> client: RST+ACK seq=0 ack=x+1');
});

test('ack-without-flag: add ACK or remove the ack field', () => {
  const text = file(...HANDSHAKE.slice(0, 2), 'client -> server: SYN seq=x ack=5');
  const { fixes } = fixesOf(text, 'ack-without-flag');
  assert.deepEqual(fixes.map((f) => f.title), ['Add the ACK flag', 'Remove the ack field']);
  assert.equal(applyEdits(text, fixes[1].edits).split('\n')[2], 'client -> server: SYN seq=x');
});

test('id-required: adds an id no segment uses', () => {
  const text = file(...HANDSHAKE, 'client ~> server: FIN+ACK seq=x+1 ack=y+1 id=fin1', 'deliver fin1', 'server ~> client: FIN+ACK seq=y+1 ack=x+2 => server LAST_ACK');
  const line = fixedLine(text, 'id-required', 7);
  assert.equal(line, 'server ~> client: FIN+ACK seq=y+1 ack=x+2 id=fin2 => server LAST_ACK');
});

test('unknown-endpoint: the declared name it is nearest to', () => {
  const text = file('endpoint client', 'endpoint server LISTEN', 'client -> sever: SYN seq=x');
  assert.equal(fixedLine(text, 'unknown-endpoint', 2), 'client -> server: SYN seq=x');
  const cased = file('endpoint client', 'endpoint server LISTEN', 'Client -> server: SYN seq=x');
  assert.equal(fixedLine(cased, 'unknown-endpoint', 2), 'client -> server: SYN seq=x');
});

test('rst-expected: offers to insert the RST the receiver answers with (never preferred)', () => {
  const text = file('endpoint client', 'endpoint server', 'client -> server: SYN seq=x');
  const { fixes } = fixesOf(text, 'rst-expected');
  assert.equal(fixes[0].preferred, false);
  const fixed = applyEdits(text, fixes[0].edits);
  assert.equal(fixed.split('\n')[3], 'server -> client: RST+ACK seq=0 ack=x+1');
  assert.ok(!codes(fixed).includes('rst-expected'));
});

test('in every mistake file, each preferred fix removes the diagnostic it is for', () => {
  const dir = resolve(import.meta.dirname, '../../examples/mistakes');
  let applied = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tcpseq'))) {
    const text = readFileSync(resolve(dir, name), 'utf8');
    const a = analyze(text);
    for (const d of a.diagnostics) {
      const fixes = quickFixesFor(a, text, d);
      if (hasQuickFix(d.code) && d.code !== 'rst-expected') assert.ok(fixes.length > 0 || d.code === 'unknown-flag' || d.code === 'syntax-error', `${name}: ${d.code} has no fix`);
      for (const f of fixes.filter((x) => x.preferred)) {
        const after = analyze(applyEdits(text, f.edits)).diagnostics;
        const same = after.find((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
        assert.equal(same, undefined, `${name}:${d.range.start.line + 1} "${f.title}" left ${d.code}`);
        applied++;
      }
    }
  }
  assert.ok(applied >= 15, `only ${applied} fixes applied`);
});

test('quickFixesInRange finds the fixes of the diagnostics under a cursor', () => {
  const text = file(...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x ack=y');
  const a = analyze(text);
  const atSeq = quickFixesInRange(a, text, { start: { line: 4, character: 27 }, end: { line: 4, character: 27 } });
  assert.deepEqual(atSeq.map((f) => f.title), ['Change seq to x+1']);
  const line = quickFixesInRange(a, text, { start: { line: 4, character: 0 }, end: { line: 4, character: 33 } });
  assert.deepEqual(line.map((f) => f.title).sort(), ['Change ack to y+1', 'Change seq to x+1']);
});

test('fix all: every seq and ack in the file, until stable, as whole-line edits', () => {
  const broken = file(
    ...HANDSHAKE.slice(0, 3),
    'server -> client: SYN+ACK seq=y ack=x',
    'client -> server: ACK seq=x ack=y',
    'client -> server: PSH+ACK seq=x ack=y len=10',
    'server -> client: ACK seq=y ack=x+1',
    'client -> server: FIN+ACK seq=x+1 ack=y+1    # closing',
    'server -> client: FIN+ACK seq=y+1 ack=x+1',
    'client -> server: ACK seq=x+1 ack=y+1 => client TIME_WAIT, server CLOSED',
  );
  const r = fixAllSeqAck(broken);
  const after = analyze(r.text).diagnostics;
  assert.deepEqual(after.filter((d) => d.code === 'wrong-seq' || d.code === 'wrong-ack'), []);
  assert.deepEqual(after.map((d) => d.code), [], 'the fixed file is clean');
  assert.equal(applyEdits(broken, r.edits), r.text, 'the edits turn the original into the fixed text');
  assert.ok(r.edits.every((e) => e.range.start.line === e.range.end.line), 'whole-line edits');
  assert.match(r.text.split('\n')[7], /ACK seq=x\+11 ack=y\+1 {4}# closing$/);
  assert.ok(r.fixed >= 8 && r.rounds >= 1 && r.rounds <= 10);
  const again = fixAllSeqAck(r.text);
  assert.equal(again.edits.length, 0, 'fixing a fixed file changes nothing');
  assert.equal(fixAllSeqAck(file(...HANDSHAKE)).edits.length, 0);
});

test('edits keep CRLF line endings and never throw on junk', () => {
  const text = [...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x ack=y+1', ''].join('\r\n');
  const r = fixAllSeqAck(text);
  assert.equal(r.text, text.replace('seq=x ack', 'seq=x+1 ack'));
  for (const junk of ['-> -> ->', 'a ~> b', 'a -> b: FIN seq=', 'expect', '\u0000\uffff']) {
    const t = file(junk);
    const a = analyze(t);
    assert.doesNotThrow(() => a.diagnostics.flatMap((d) => quickFixesFor(a, t, d)));
    assert.doesNotThrow(() => fixAllSeqAck(t));
  }
});

test('invalid-initial-state, duplicate-field and unknown-id', () => {
  const init = file('endpoint client', 'endpoint server ESTABLISHED');
  assert.equal(fixedLine(init, 'invalid-initial-state', 1), 'endpoint server LISTEN');
  assert.equal(fixedLine(init, 'invalid-initial-state', 1, 1), 'endpoint server CLOSED');
  const dup = file(...HANDSHAKE.slice(0, 2), 'client -> server: SYN seq=x seq=y');
  const fixed = applyEdits(dup, fixesOf(dup, 'duplicate-field').fixes[0].edits);
  assert.equal(fixed.split('\n')[2], 'client -> server: SYN seq=x');
  const id = file(...HANDSHAKE, 'client ~> server: PSH+ACK len=5 id=req', 'deliver request');
  assert.equal(fixedLine(id, 'unknown-id', 6), 'deliver req');
});

// ---- contract v2: the window, the new wrong-seq cases, ESTABLISHED declarations ----

const WINDOW = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=100', 'A -> B: ACK seq=42 ack=79 len=60'];

test('window-exceeded: shorten len to the usable window (preferred), which removes the finding', () => {
  const text = file(...WINDOW, 'A -> B: ACK seq=102 ack=79 len=50 => A ESTABLISHED');
  const { fixes } = fixesOf(text, 'window-exceeded');
  assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [
    ['Shorten to the usable window: len=40', true],
    ['Split: 40 octets that fit the window, and the other 10 on a new line', false],
    ['Wait for B\'s ACK first: insert B -> A: ACK seq=79 ack=102 win=100', false],
  ]);
  const fixed = applyEdits(text, fixes[0].edits);
  assert.equal(fixed.split('\n')[3], 'A -> B: ACK seq=102 ack=79 len=40 => A ESTABLISHED');
  assert.deepEqual(codes(fixed), []);
});

test('window-exceeded: split keeps what fits and puts the rest, its FIN and the assertions on a new line whose seq follows', () => {
  const text = file(...WINDOW.slice(0, 2), '  A -> B: FIN+ACK seq=x ack=79 len=150 => A FIN_WAIT_1  # all at once');
  const split = fixesOf(text, 'window-exceeded').fixes[1];
  const lines = applyEdits(text, split.edits).split('\n');
  assert.equal(lines[2], '  A -> B: ACK seq=x ack=79 len=100  # all at once');
  assert.equal(lines[3], '  A -> B: FIN+ACK seq=x+100 ack=79 len=50 => A FIN_WAIT_1');
  const plain = file(...WINDOW, 'A -> B: ACK ack=79 len=50');
  const rest = applyEdits(plain, fixesOf(plain, 'window-exceeded').fixes[1].edits).split('\n');
  assert.deepEqual(rest.slice(3, 5), ['A -> B: ACK ack=79 len=40', 'A -> B: ACK ack=79 len=10'], 'a seq left out stays left out');
  const after = analyze(applyEdits(plain, fixesOf(plain, 'window-exceeded').fixes[1].edits)).diagnostics;
  assert.deepEqual(after.filter((d) => d.range.start.line === 3).map((d) => d.code), [], 'the first part fits');
});

test('window-exceeded on data: the text is cut at a character boundary within the usable octets', () => {
  const text = file(...WINDOW.slice(0, 2), 'A -> B: ACK seq=42 ack=79 len=98', 'A -> B: ACK seq=140 ack=79 data="a\\"é中"');
  const { fixes } = fixesOf(text, 'window-exceeded');
  assert.equal(fixes[0].title, 'Shorten the data to the usable window (2 octets)');
  assert.equal(applyEdits(text, fixes[0].edits).split('\n')[3], 'A -> B: ACK seq=140 ack=79 data="a\\""');
  const split = applyEdits(text, fixes[1].edits).split('\n');
  assert.equal(split[4], 'A -> B: ACK seq=142 ack=79 data="é中"');
});

test('window-exceeded with a full window: wait for the peer\'s ACK (a new line above), which moves the window', () => {
  const text = file('endpoint A ESTABLISHED snd=1000 rcv=5000', 'endpoint B ESTABLISHED win=2000', 'A -> B: ACK seq=1000 ack=5000 len=1000',
    'A -> B: ACK seq=2000 ack=5000 len=1000', '  A -> B: ACK seq=3000 ack=5000 len=1000');
  const { fixes } = fixesOf(text, 'window-exceeded');
  assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Wait for B\'s ACK first: insert B -> A: ACK seq=5000 ack=3000 win=2000', true]]);
  const fixed = applyEdits(text, fixes[0].edits);
  assert.deepEqual(fixed.split('\n').slice(4, 6), ['  B -> A: ACK seq=5000 ack=3000 win=2000', '  A -> B: ACK seq=3000 ack=5000 len=1000']);
  assert.deepEqual(codes(fixed), []);
  const nothingReceived = file('endpoint A ESTABLISHED snd=1', 'endpoint B ESTABLISHED win=10', 'A -x B: ACK seq=1 ack=5000 len=10', 'A -> B: ACK seq=11 ack=5000 len=10');
  assert.deepEqual(fixesOf(nothingReceived, 'window-exceeded').fixes.map((f) => f.title), [], 'B received nothing: its ACK would not move the window');
});

test('window-exceeded in a zero window: one octet, a zero-window probe', () => {
  const text = file('endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=0', 'A -> B: ACK seq=42 ack=79 len=10');
  const { fixes } = fixesOf(text, 'window-exceeded');
  assert.deepEqual(fixes.map((f) => f.title), ['Send one octet: a zero-window probe']);
  const fixed = applyEdits(text, fixes[0].edits);
  assert.deepEqual(codes(fixed), ['window-probe']);
});

test('the new wrong-seq cases: data at the ISN, seq=m+1 after data at m, a last ACK at its own FIN', () => {
  const open = ['endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=100', 's -> c: SYN+ACK seq=300 ack=101', 'c -> s: ACK seq=101 ack=301'];
  const isn = file(...open, 'c -> s: PSH+ACK seq=100 ack=301 len=100');
  assert.equal(fixedLine(isn, 'wrong-seq', 5), 'c -> s: PSH+ACK seq=101 ack=301 len=100');
  const middle = file(...open, 'c -> s: PSH+ACK seq=101 ack=301 len=100', 'c -> s: PSH+ACK seq=102 ack=301 len=100');
  assert.equal(fixedLine(middle, 'wrong-seq', 6), 'c -> s: PSH+ACK seq=201 ack=301 len=100');
  const close = file(...HANDSHAKE, 'client -> server: FIN+ACK seq=x+1 ack=y+1', 'server -> client: ACK seq=y+1 ack=x+2',
    'server -> client: FIN+ACK seq=y+1 ack=x+2', 'client -> server: ACK seq=x+1 ack=y+2');
  assert.equal(fixedLine(close, 'wrong-seq', 8), 'client -> server: ACK seq=x+2 ack=y+2');
  for (const text of [isn, middle, close]) assert.deepEqual(codes(applyEdits(text, fixesOf(text, 'wrong-seq').fixes[0].edits)), []);
});

test('invalid-initial-state on ESTABLISHED declarations: the peer\'s state, the mirror value', () => {
  const half = file('endpoint A ESTABLISHED', 'endpoint B LISTEN');
  assert.deepEqual(fixesOf(half, 'invalid-initial-state').fixes.map((f) => f.title), ['Change to ESTABLISHED (as A: the connection already exists)']);
  assert.equal(fixedLine(half, 'invalid-initial-state', 1), 'endpoint B ESTABLISHED');
  assert.equal(fixedLine(file('endpoint A ESTABLISHED', 'endpoint B'), 'invalid-initial-state', 1), 'endpoint B ESTABLISHED');
  const mirror = file('endpoint A ESTABLISHED snd=1 rcv=2', 'endpoint B ESTABLISHED snd=3 rcv=1');
  assert.equal(fixesOf(mirror, 'invalid-initial-state').fixes[0].title, 'Change snd to 2 (the mirror of A\'s declaration)');
  assert.equal(fixedLine(mirror, 'invalid-initial-state', 1), 'endpoint B ESTABLISHED snd=2 rcv=1');
});

test('quick fix titles in Chinese', () => {
  const text = file(...WINDOW, 'A -> B: ACK seq=102 ack=79 len=50');
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'window-exceeded')!;
  assert.deepEqual(quickFixesFor(a, text, d, 'zh-cn').map((f) => f.title), ['缩短到可用窗口：len=40', '拆分：窗口能容纳的 40 字节，其余 10 字节放到新的一行', '先等待 B 的确认：插入 B -> A: ACK seq=79 ack=102 win=100']);
  const seq = file(...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x ack=y+1');
  const b = analyze(seq);
  assert.equal(quickFixesFor(b, seq, b.diagnostics.find((x) => x.code === 'wrong-seq')!, 'zh-cn')[0].title, '把 seq 改为 x+1');
});

test('a wrong seq read as written (a misconception carried through, 4.4): the one-value fix is not preferred; fix all repairs the file', () => {
  const text = file(...HANDSHAKE, 'client -> server: PSH+ACK seq=x ack=y+1 len=100', 'server -> client: ACK seq=y+1 ack=x+100',
    'client -> server: PSH+ACK seq=x+100 ack=y+1 len=100', 'server -> client: ACK seq=y+1 ack=x+200');
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === 'wrong-seq')!;
  assert.equal(a.segments[d.segment!]!.reading, 'written');
  assert.equal(readAsWritten(a, d), true);
  assert.equal(quickFixesFor(a, text, d)[0]!.preferred, false);
  const all = fixAllSeqAck(text);
  assert.deepEqual(codes(all.text).filter((c) => c !== 'retransmission'), []);
  assert.equal(all.fixed, 4, "seq x, ack x+100, seq x+100, ack x+200: each one higher");
  const slip = file(...HANDSHAKE.slice(0, 4), 'client -> server: ACK seq=x ack=y+1');
  const b = analyze(slip);
  assert.equal(readAsWritten(b, b.diagnostics[0]!), false, 'a one-off slip is read as meant');
});

test('snd=/rcv=/win= on an endpoint that does not start ESTABLISHED: make it ESTABLISHED, or remove the field', () => {
  const text = file('endpoint A LISTEN snd=5 rcv=9', 'endpoint B ESTABLISHED');
  const { fixes } = fixesOf(text, 'syntax-error');
  assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Change LISTEN to ESTABLISHED (a connection that already exists)', true], ['Remove this snd=', false]]);
  const fixed = applyEdits(text, fixes[0].edits);
  assert.equal(fixed.split('\n')[0], 'endpoint A ESTABLISHED snd=5 rcv=9');
  assert.deepEqual(codes(fixed), []);
  assert.equal(applyEdits(text, fixes[1].edits).split('\n')[0], 'endpoint A LISTEN rcv=9');
  const other = file('endpoint A', 'A -> : SYN');
  const a = analyze(other);
  assert.deepEqual(a.diagnostics.filter((d) => d.code === 'syntax-error').flatMap((d) => quickFixesFor(a, other, d)), [], 'other syntax errors have no fix');
});
