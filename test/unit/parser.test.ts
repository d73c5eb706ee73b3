// Contract sections 1-3: the file format, read by the recovering parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, parse, type SegmentStatement } from '../../src/core/index.ts';
import { file, found } from './helpers.ts';

const seg = (line: string) => parse(line).document.statements[0] as SegmentStatement;

test('comments start with # or // outside quoted strings', () => {
  const { document, findings } = parse(file('# a comment', '// another', 'a -> b: SYN seq=1 # trailing', 'a -> b: ACK data="x # y // z" // end'));
  assert.deepEqual(findings, []);
  assert.equal(document.statements.length, 2);
  assert.equal((document.statements[1] as SegmentStatement).data, 'x # y // z');
});

test('keywords, flags and states are case-insensitive; names and symbols are case-sensitive', () => {
  const a = analyze(file('ENDPOINT Client', 'Endpoint server listen', 'Client -> server: syn SEQ=X => client syn_sent'.replace('=> client', '=> Client')));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(a.final[0], 'SYN_SENT');
  assert.deepEqual(found(file('endpoint Client', 'endpoint server', 'client -> server: SYN seq=1'), ['error']), ['3 unknown-endpoint']);
});

test('flags: long names joined by + , | / or spaces', () => {
  for (const f of ['SYN+ACK', 'SYN, ACK', 'SYN|ACK', 'SYN/ACK', 'SYN ACK', 'ack+syn']) {
    assert.deepEqual(seg(`a -> b: ${f} seq=1`).flags, ['SYN', 'ACK'], f);
  }
  assert.deepEqual(seg('a -> b: FIN+ACK+PSH+URG+ECE+CWR').flags, ['FIN', 'PSH', 'ACK', 'URG', 'ECE', 'CWR']);
});

test('flags: packetdrill short forms S S. . F. P. R R.', () => {
  const cases: Record<string, string[]> = { 'S': ['SYN'], 'S.': ['SYN', 'ACK'], '.': ['ACK'], 'F.': ['FIN', 'ACK'], 'P.': ['PSH', 'ACK'], 'R': ['RST'], 'R.': ['RST', 'ACK'], 'FP.': ['FIN', 'PSH', 'ACK'] };
  for (const [text, flags] of Object.entries(cases)) assert.deepEqual(seg(`a -> b ${text} seq=1`).flags, flags, text);
});

test('unknown flags suggest the nearest name', () => {
  const d = analyze('a -> b: SYNN seq=1\n').diagnostics.find((x) => x.code === 'unknown-flag');
  assert.equal(d?.params.suggestion, 'SYN');
  assert.match(d!.message, /did you mean SYN\?/);
});

test('fields in any order, each at most once; missing fields are filled with expected values', () => {
  const s = seg('a -> b: ACK id=p1 win=65535 ack=y+1 len=10 seq=x+1');
  assert.equal(s.seq?.symbol, 'x');
  assert.equal(s.seq?.offset, 1);
  assert.equal(s.len, 10);
  assert.equal(s.win, 65535);
  assert.equal(s.id?.name, 'p1');
  const a = analyze(file('endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=100', 's -> c: SYN+ACK seq=300 ack=101', 'c -> s: ACK'));
  assert.deepEqual(a.diagnostics, []);
  assert.equal(a.format(a.segments[2].seq!), '101');
  assert.equal(a.format(a.segments[2].ack!), '301');
});

test('data is counted in UTF-8 octets, with \\" and \\\\ escapes', () => {
  assert.equal(seg('a -> b: ACK data="héllo"').len, 6);
  assert.equal(seg('a -> b: ACK data="😀"').len, 4);
  assert.equal(seg('a -> b: ACK data="a\\"b\\\\c"').data, 'a"b\\c');
  assert.equal(seg('a -> b: ACK data="a\\"b\\\\c"').len, 5);
});

test('EXPR: decimal, hex, symbol plus or minus constants, modulo 2^32', () => {
  assert.equal(seg('a -> b: ACK seq=0xFFFFFFFF+2').seq?.offset, 1);
  assert.equal(seg('a -> b: ACK seq=x-1').seq?.offset, 0xffffffff);
  assert.equal(seg('a -> b: ACK seq=0+1').seq?.offset, 1);
  assert.equal(seg('a -> b: ACK seq=1001+y').seq?.symbol, 'y');
  for (const bad of ['-1', '0-x', 'x+y', '4294967296']) {
    assert.deepEqual(found(`a -> b: ACK seq=${bad}\n`, ['error']).filter((c) => c.includes('invalid-number')), ['1 invalid-number'], bad);
  }
});

test('arrows: -> delivered, -x lost, ~> in flight', () => {
  assert.equal(seg('a -> b: SYN').arrow, '->');
  assert.equal(seg('a -x b: SYN').arrow, '-x');
  assert.equal(seg('a ~> b: SYN id=1').arrow, '~>');
  assert.equal(seg('a->b S').arrow, '->');
});

test('every spelling of section 3 is accepted and printed canonically', () => {
  const spell = ['SYN-SENT', 'SYN_SEND', 'syn_sent'];
  for (const s of spell) {
    assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', `a -> b: SYN seq=x => a ${s}, b SYN_RECV`, 'b -> a: S. seq=y ack=x+1 => b: SYN_RCVD, a=ESTABLISHED', 'a -> b: . seq=x+1 ack=y+1'), ['error']), [], s);
  }
  const a = analyze(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x => a TIME-WAIT'));
  assert.equal(a.diagnostics.find((d) => d.code === 'state-mismatch')?.message, 'a is in SYN_SENT here, not TIME_WAIT');
  for (const [alias, canon] of [['FIN_WAIT1', 'FIN_WAIT_1'], ['FIN_WAIT2', 'FIN_WAIT_2'], ['FIN-WAIT-1', 'FIN_WAIT_1'], ['SYN_RCVD', 'SYN_RECEIVED'], ['SYN_RECV', 'SYN_RECEIVED']]) {
    const t = parse(`expect a ${alias}\n`).document.statements[0];
    assert.equal(t.kind === 'expect' && t.assertions[0].state.state, canon, alias);
  }
});

test('a bad line never hides the others\' diagnostics', () => {
  const t = file('endpoint a', 'endpoint b', '%%% garbage', 'a -> b: SYNN seq=1', 'title ok', 'a -> b: SYN seq=1 => a ESTABLISHED', '== unterminated', 'b -> a: R. seq=0 ack=2');
  const codes = found(t);
  assert.ok(codes.includes('3 syntax-error'));
  assert.ok(codes.includes('4 unknown-flag'));
  assert.ok(codes.includes('6 state-mismatch'));
});

test('statements: title, endpoint with label, expect, actions, deliver, sections, notes', () => {
  const { document, findings } = parse(file('title My "exercise"', 'endpoint c CLOSED as "Web browser"', 'endpoint s LISTEN as Server box', '== Phase 1 ==',
    'note: hello # not part', 'note c: "quoted # kept"', 'expect c CLOSED, s LISTEN', 'c listen', 's close => s CLOSED', 'c wait 2MSL', 'c timeout', 'deliver a1, a2 => c CLOSED'));
  assert.deepEqual(findings, []);
  const kinds = document.statements.map((s) => s.kind);
  assert.deepEqual(kinds, ['title', 'endpoint', 'endpoint', 'section', 'note', 'note', 'expect', 'action', 'action', 'action', 'action', 'deliver']);
  const [title, ep, ep2, section, note, note2] = document.statements;
  assert.equal(title.kind === 'title' && title.text, 'My "exercise"');
  assert.equal(ep.kind === 'endpoint' && ep.label, 'Web browser');
  assert.equal(ep2.kind === 'endpoint' && ep2.label, 'Server box');
  assert.equal(section.kind === 'section' && section.name, 'Phase 1');
  assert.equal(note.kind === 'note' && note.text, 'hello');
  assert.equal(note2.kind === 'note' && note2.text, 'quoted # kept');
});

test('CRLF and CR line endings give the same lines', () => {
  const lf = found('a -> b: SYNN\n\nb -> a: X\n');
  assert.deepEqual(found('a -> b: SYNN\r\n\r\nb -> a: X\r\n'), lf);
  assert.deepEqual(found('a -> b: SYNN\r\rb -> a: X\r'), lf);
});

test('implicit endpoints: the first sender starts CLOSED, the other LISTEN (CLOSED after a listen action first)', () => {
  const a = analyze('c -> s: SYN seq=1\n');
  assert.deepEqual(a.endpoints.map((e) => `${e.name}:${e.initial}`), ['c:CLOSED', 's:LISTEN']);
  const b = analyze('s listen\nc -> s: SYN seq=1\n');
  assert.deepEqual(b.endpoints.map((e) => `${e.name}:${e.initial}`), ['c:CLOSED', 's:CLOSED']);
  assert.deepEqual(b.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(b.final[1], 'SYN_RECEIVED');
});
