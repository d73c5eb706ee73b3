// Contract v2 at the parser (sections 1, 2, 4.5, 9): what the parser produces for each new construct and
// which findings it reports. Parser only: nothing here runs the validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../src/core/syntax/parser.ts';
import type { SegmentNode } from '../../src/core/syntax/parseSegment.ts';
import type { EndpointStatement, Statement } from '../../src/core/syntax/syntax.ts';
import { formatText as say } from '../../src/core/i18n/format.ts';
import { CATALOGS } from '../../src/core/i18n/catalogs.ts';

const one = (line: string) => parse(line).document.statements[0] as Statement | undefined;
const seg = (line: string) => one(line) as SegmentNode;
const ep = (line: string) => one(line) as EndpointStatement;
/** Findings of a one-line text as `code [start,end]`. */
const found = (line: string) => parse(line).findings.map((f) => `${f.code} [${f.range.start.character},${f.range.end.character}]`);
const codes = (line: string) => parse(line).findings.map((f) => f.code);
const message = (line: string, i = 0) => say('en', parse(line).findings[i].text!);

test('1: full-width ： ， ＝ ＋ ＃ read as their ASCII forms, columns stay those of the text as written', () => {
  const s = seg('client -> server：SYN，ACK seq＝x＋1 ack＝y ＃ a comment');
  assert.deepEqual(parse('client -> server：SYN，ACK seq＝x＋1 ack＝y ＃ a comment').findings, []);
  assert.deepEqual(s.flags, ['SYN', 'ACK']);
  assert.deepEqual([s.hasSeq, s.seqSym, s.seqOff, s.hasAck, s.ackSym, s.ackOff], [true, 'x', 1, true, 'y', 0]);
  assert.equal(s.seq!.text, 'x+1');
  assert.deepEqual(s.seq!.range, { start: { line: 0, character: 29 }, end: { line: 0, character: 32 } });
  assert.deepEqual(s.dst.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
  // columns count UTF-16 code units of the text as written (an emoji counts 2)
  const wide = parse('a -> b：ACK data=“😀，” ack＝x＋1 PSH');
  assert.deepEqual(wide.findings.map((f) => `${f.code} ${f.range.start.character}-${f.range.end.character}`), ['syntax-error 30-33']);
  assert.equal((wide.document.statements[0] as SegmentNode).ack!.range.start.character, 26);
  assert.equal((wide.document.statements[0] as SegmentNode).len, 7);
  const a = seg('a -> b: ACK => a：ESTABLISHED， b＝CLOSED');
  assert.deepEqual(a.assertions.map((x) => `${x.endpoint.name} ${x.state.state}`), ['a ESTABLISHED', 'b CLOSED']);
  const sec = one('＝＝ 握手 ＝＝');
  assert.equal(sec?.kind === 'section' && sec.name, '握手');
  const note = one('note client：全角冒号');
  assert.ok(note?.kind === 'note' && note.endpoint?.name === 'client' && note.text === '全角冒号');
  const title = one('title 握手：第一步');
  assert.equal(title?.kind === 'title' && title.text, '握手：第一步', 'a title keeps its text as written');
});

test('1: “…” is a string: opened with “ it ends at ” or "; opened with " only at "; text inside kept as written', () => {
  assert.equal(seg('a -> b: ACK data=“你好，世界” seq=1').data, '你好，世界');
  assert.equal(seg('a -> b: ACK data=“你好，世界” seq=1').seqOff, 1);
  assert.equal(seg('a -> b: ACK data=“ab" seq=2').data, 'ab');
  assert.equal(seg('a -> b: ACK data=“ab" seq=2').seqOff, 2);
  assert.equal(seg('a -> b: ACK data="a”b" seq=3').data, 'a”b', 'a string opened with " does not end at ”');
  assert.equal(seg('a -> b: ACK data="a # ＃ b"').data, 'a # ＃ b');
  assert.equal(ep('endpoint c as “Web 浏览器”').label, 'Web 浏览器');
  assert.deepEqual(codes('a -> b: ACK data=“open'), ['syntax-error']);
});

test('2.3: `old SRC ARROW DST` is an old duplicate; `old` followed by an arrow is an endpoint named old', () => {
  const s = seg('old client -> server: SYN seq=1000');
  assert.equal(s.old, true);
  assert.equal(s.srcName, 'client');
  assert.equal(s.dstName, 'server');
  assert.equal(s.range.start.character, 0);
  assert.deepEqual(parse('old client -> server: SYN seq=1000').findings, []);
  assert.equal(seg('OLD a -x b: SYN seq=1').old, true, 'keywords are case-insensitive');
  const named = seg('old -> server: SYN seq=1');
  assert.equal(named.old, false);
  assert.equal(named.srcName, 'old');
  assert.equal(seg('a -> b: SYN seq=1').old, false);
});

test('4.5.7: an old segment without seq (or without ack when it has ACK) is a syntax-error and still runs', () => {
  assert.deepEqual(found('old a -> b: SYN'), ['syntax-error [0,3]']);
  assert.equal(seg('old a -> b: SYN').unusable, false);
  assert.deepEqual(codes('old a -> b: SYN+ACK seq=5'), ['syntax-error']);
  assert.match(message('old a -> b: SYN+ACK seq=5'), /ack/);
  assert.deepEqual(codes('old a -> b: ACK'), ['syntax-error'], 'one finding for both missing fields');
  assert.deepEqual(codes('old a -> b: RST seq=5'), [], 'no ACK: no ack needed');
  assert.deepEqual(codes('old a -> b: SYN+ACK seq=5 ack=9'), []);
  assert.deepEqual(codes('old a -> b: SYN seq=?'), [], 'a blank is written');
  assert.deepEqual(codes('old a -> b: SYN seq=-1'), ['invalid-number'], 'a bad value is reported once, not also as missing');
});

test('2.5: `NAME crash` and `NAME reboot` are the action crash', () => {
  for (const line of ['server crash', 'server CRASH', 'server reboot => server CLOSED']) {
    const s = one(line);
    assert.ok(s?.kind === 'action', line);
    assert.equal(s.action, 'crash', line);
    assert.equal(s.endpoint.name, 'server');
  }
  assert.deepEqual(parse('server reboot => server CLOSED').findings, []);
});

test('2.2: endpoint NAME ESTABLISHED snd= rcv= win= as "LABEL"', () => {
  const e = ep('endpoint A ESTABLISHED snd=42 rcv=x+79 win=100 as "Host A"');
  assert.deepEqual(parse('endpoint A ESTABLISHED snd=42 rcv=x+79 win=100 as "Host A"').findings, []);
  assert.equal(e.initial?.state, 'ESTABLISHED');
  assert.deepEqual([e.snd?.text, e.snd?.symbol, e.snd?.offset], ['42', undefined, 42]);
  assert.deepEqual([e.rcv?.text, e.rcv?.symbol, e.rcv?.offset], ['x+79', 'x', 79]);
  assert.deepEqual(e.rcv?.symbolRange, { start: { line: 0, character: 34 }, end: { line: 0, character: 35 } });
  assert.equal(e.win, 100);
  assert.deepEqual(e.winRange, { start: { line: 0, character: 43 }, end: { line: 0, character: 46 } });
  assert.equal(e.label, 'Host A');
  const bare = ep('endpoint B established');
  assert.equal(bare.initial?.state, 'ESTABLISHED');
  assert.deepEqual([bare.snd, bare.rcv, bare.win], [undefined, undefined, undefined]);
  assert.deepEqual(codes('endpoint B ESTABLISHED'), [], 'ESTABLISHED is a valid initial state');
  assert.deepEqual(codes('endpoint B SYN_SENT'), ['invalid-initial-state']);
  assert.deepEqual(codes('endpoint B ESTABLISHED snd=1 snd=2'), ['duplicate-field']);
  assert.equal(ep('endpoint B ESTABLISHED snd=1 snd=2').snd?.offset, 1, 'the first counts');
  assert.deepEqual(codes('endpoint B ESTABLISHED snd=x+y rcv=-1 win=0x1FFFFFFFF'), ['invalid-number', 'invalid-number', 'invalid-number']);
  assert.equal(ep('endpoint B ESTABLISHED snd=x+y').snd, undefined, 'a bad value counts as left out');
});

test('2.2: snd/rcv/win on a CLOSED or LISTEN endpoint are syntax-error; an unknown or invalid state leaves them unjudged', () => {
  assert.deepEqual(found('endpoint B LISTEN snd=5'), ['syntax-error [18,23]']);
  assert.deepEqual(codes('endpoint B snd=5 win=3'), ['syntax-error', 'syntax-error'], 'no state is CLOSED');
  assert.deepEqual(codes('endpoint B CLOSED rcv=1'), ['syntax-error']);
  assert.equal(ep('endpoint B LISTEN snd=5').snd, undefined);
  assert.deepEqual(codes('endpoint B ESTABLISH snd=5 rcv=x+y bogus=1'), ['unknown-state'], 'the state counts as CLOSED; its fields are not judged');
  assert.deepEqual(codes('endpoint B FIN_WAIT_1 snd=5'), ['invalid-initial-state']);
  const declared = ep('endpoint B ESTABLISH snd=5');
  assert.equal(declared.name.name, 'B', 'a declaration with errors still declares the endpoint');
  assert.equal(declared.snd, undefined);
  assert.equal(ep('endpoint B "x"')?.name.name, 'B');
});

test('2.3: tcpdump bracketed flags', () => {
  const cases: Record<string, string[]> = {
    '[S]': ['SYN'], '[S.]': ['SYN', 'ACK'], '[P.]': ['PSH', 'ACK'], '[F.]': ['FIN', 'ACK'], '[R.]': ['RST', 'ACK'],
    '[.]': ['ACK'], '[FP.]': ['FIN', 'PSH', 'ACK'], '[R]': ['RST'], '[S.E]': ['SYN', 'ACK', 'ECE'], '[s.]': ['SYN', 'ACK'],
  };
  for (const [text, flags] of Object.entries(cases)) {
    const line = `a -> b: ${text} seq=1 ack=1`;
    assert.deepEqual(seg(line).flags, flags, text);
    assert.deepEqual(parse(line).findings, [], text);
    assert.equal(seg(line).flagTokens[0].text, text);
  }
  assert.deepEqual(seg('a -> b: [S.], win=5').flags, ['SYN', 'ACK'], 'a comma after the bracket separates');
});

test('2.3: an unclosed `[S` says the bracket is not closed (not "did you mean RST?"); suggestions only when plausible', () => {
  const p = parse('a -> b: [S seq=1');
  assert.deepEqual(p.findings.map((f) => f.code), ['unknown-flag']);
  assert.equal(p.findings[0].params?.suggestion, '[S]');
  assert.match(say('en', p.findings[0].text!), /not closed/);
  assert.doesNotMatch(say('en', p.findings[0].text!), /RST/);
  assert.equal(parse('a -> b: S.] seq=1').findings[0].params?.suggestion, '[S.]');
  const suggestion = (word: string) => parse(`a -> b: ${word} seq=1`).findings[0]?.params?.suggestion;
  assert.equal(suggestion('SYNN'), 'SYN');
  assert.equal(suggestion('AKC'), 'ACK');
  assert.equal(suggestion('SYNACK'), 'SYN+ACK');
  assert.equal(suggestion('SYN-ACK'), 'SYN+ACK');
  for (const implausible of ['X', 'Q', 'HELLO', 'ESTABLISHED', '[XYZ]', '[none]', 'A1']) assert.equal(suggestion(implausible), undefined, implausible);
});

test('4.5.1: a line that does not run reports only its first problem: DST, the same name, invalid-flags, unknown-flag', () => {
  assert.deepEqual(found('h2 ->'), ['syntax-error [0,5]'], 'a line cut short is one syntax-error');
  assert.deepEqual(found('h2 ~>'), ['syntax-error [0,5]'], 'not also id-required or invalid-flags');
  assert.equal(seg('h2 ->').unusable, true);
  assert.deepEqual(codes('h2 -> 5: BOGUS seq=-1'), ['syntax-error']);
  assert.deepEqual(codes('a -> a: BOGUS seq=-1 => a FOO'), ['self-segment']);
  assert.deepEqual(codes('a ~> b: SYN+FIN BOGUS seq=-1 junk'), ['invalid-flags'], 'invalid-flags before unknown-flag');
  assert.deepEqual(codes('a -> b: RST SYN'), ['invalid-flags']);
  assert.deepEqual(found('a -> b: FOO BAR seq=x+y'), ['unknown-flag [8,11]'], 'only unknown flags: the first one');
  assert.deepEqual(codes('a -> b:'), ['invalid-flags'], 'no flag at all');
  for (const line of ['h2 ->', 'a -> a: SYN', 'a -> b: SYN FIN', 'a -> b: FOO']) assert.equal(seg(line).unusable, true, line);
  // the formatter may ask for every problem
  assert.deepEqual(parse('a -> a: BOGUS seq=-1', { everyProblem: true }).findings.map((f) => f.code).sort(), ['invalid-number', 'self-segment', 'unknown-flag']);
});

test('4.5.2: an unknown flag word is left out and sets unsureFlags; the line runs when it has a known flag', () => {
  const s = seg('a -> b: FIN BOGUS seq=1');
  assert.deepEqual(s.flags, ['FIN']);
  assert.equal(s.unsureFlags, true);
  assert.equal(s.unusable, false);
  assert.deepEqual(codes('a -> b: FIN BOGUS seq=1'), ['unknown-flag']);
  assert.equal(seg('a -> b: FIN seq=1').unsureFlags, false);
});

test('4.5.2: a field whose value has an error counts as left out; of a duplicated field the first counts', () => {
  const bad = seg('a -> b: ACK seq=x+y ack=-1 len=abc win=99999999999');
  assert.deepEqual([bad.hasSeq, bad.hasAck, bad.len, bad.win], [false, false, 0, undefined]);
  assert.deepEqual(codes('a -> b: ACK seq=x+y ack=-1 len=abc win=99999999999'), ['invalid-number', 'invalid-number', 'syntax-error', 'invalid-number']);
  const dup = seg('a -> b: ACK seq=1 seq=2 len=3 data="xy"');
  assert.deepEqual([dup.seqOff, dup.len, dup.data], [1, 3, undefined]);
  assert.deepEqual(codes('a -> b: ACK seq=1 seq=2 len=3 data="xy"'), ['duplicate-field', 'duplicate-field']);
  const firstBad = seg('a -> b: ACK seq=-1 seq=2');
  assert.equal(firstBad.hasSeq, false, 'the first counts, and it has an error: left out');
  assert.equal(seg('a -> b: ACK data="x').data, undefined, 'an unclosed data string counts as left out');
  assert.equal(seg('a ~> b: ACK id=9x').id, undefined);
  assert.deepEqual(codes('a ~> b: ACK id=9x'), ['syntax-error', 'id-required']);
  assert.equal(seg('a ~> b: SYN id=1').id?.name, '1', 'a decimal id, as v1 files write them');
});

test('4.5.2: after the first field a word that is not NAME=VALUE is a syntax-error on that word alone; the field before keeps its value', () => {
  const line = 'a -> b: ACK seq=1 ack=999 PSH';
  const s = seg(line);
  assert.deepEqual(found(line), ['syntax-error [26,29]']);
  assert.equal(s.hasAck, true);
  assert.equal(s.ackOff, 999);
  assert.deepEqual(s.flags, ['ACK'], 'the stray flag is not a flag of the segment');
  assert.match(message(line), /flag/);
  assert.deepEqual(found('a -> b: ACK seq=x+1 junk ack=y'), ['syntax-error [20,24]']);
  assert.deepEqual([seg('a -> b: ACK seq=x+1 junk ack=y').seqSym, seg('a -> b: ACK seq=x+1 junk ack=y').ackSym], ['x', 'y']);
  assert.equal(seg('a -> b: ACK seq=x + 1 ack=y').seqOff, 1, 'an EXPR may have spaces around its operators');
  assert.deepEqual(found('a -> b: ACK seq=x y => b ESTABLISHED'), ['syntax-error [18,19]']);
  assert.equal(seg('a -> b: ACK seq=x y => b ESTABLISHED').assertions.length, 1);
});

test('4.5.5: an action with extra words runs with a syntax-error on them; its assertions are still read', () => {
  const line = 'client listen now please => client LISTEN';
  const s = one(line);
  assert.ok(s?.kind === 'action' && s.action === 'listen');
  assert.equal(s.assertions.length, 1);
  assert.deepEqual(found(line), ['syntax-error [14,24]']);
  assert.deepEqual(codes('client wait 5s'), ['syntax-error']);
  assert.equal((one('client wait 5s') as { action: string }).action, 'wait');
});

test('4.5.5: deliver delivers its well-formed ids; with none it is one syntax-error and no statement', () => {
  const s = one('deliver a, 9x, b => a CLOSED');
  assert.ok(s?.kind === 'deliver');
  assert.deepEqual(s.ids.map((i) => i.name), ['a', 'b']);
  assert.equal(s.assertions.length, 1);
  assert.deepEqual(found('deliver a, 9x, b => a CLOSED'), ['syntax-error [11,13]']);
  for (const line of ['deliver', 'deliver 9x', 'deliver 9x, 8y', 'deliver => a CLOSED']) {
    const p = parse(line);
    assert.equal(p.document.statements.length, 0, line);
    assert.deepEqual(p.findings.map((f) => f.code), ['syntax-error'], line);
  }
  const plain = one('deliver syn_a syn_b');
  assert.deepEqual(plain?.kind === 'deliver' && plain.ids.map((i) => i.name), ['syn_a', 'syn_b']);
});

test('9: value blanks seq=? ack=? len=? win=? count as left out and are listed, with no finding', () => {
  const text = 'a -> b: ACK seq=? ack=? len=? win=?';
  const p = parse(text);
  const s = p.document.statements[0] as SegmentNode;
  assert.deepEqual(p.findings, []);
  assert.deepEqual(s.blanks, ['seq', 'ack', 'len', 'win']);
  assert.deepEqual([s.hasSeq, s.hasAck, s.len, s.win, s.unusable], [false, false, 0, undefined, false]);
  assert.deepEqual(p.document.blanks.map((b) => `${b.kind} ${b.line} ${b.range.start.character}-${b.range.end.character} ${b.endpoint}`),
    ['seq 0 16-17 a', 'ack 0 22-23 a', 'len 0 28-29 a', 'win 0 34-35 a']);
  assert.deepEqual(codes('a -> b: ACK data=? id=?'), ['syntax-error', 'syntax-error'], 'data and id have no blanks');
  assert.deepEqual(parse('x\na -> b: ACK seq=？').document.blanks.map((b) => `${b.kind} ${b.line}`), ['seq 1'], 'a full-width ？ too');
});

test('9: flags written as ? are a blank: flags empty, blanks has flags, the line does not run, no finding', () => {
  const text = 'server -> client: ? seq=y ack=x+1';
  const p = parse(text);
  const s = p.document.statements[0] as SegmentNode;
  assert.deepEqual(p.findings, []);
  assert.deepEqual(s.flags, []);
  assert.deepEqual(s.blanks, ['flags']);
  assert.equal(s.unusable, true);
  assert.deepEqual([s.seqSym, s.ackSym, s.ackOff], ['y', 'x', 1]);
  assert.deepEqual(p.document.blanks.map((b) => `${b.kind} ${b.range.start.character} ${b.endpoint}`), ['flags 18 server']);
  assert.deepEqual(codes('server ~> client: ? seq=y'), ['id-required'], 'the rest of the line is still checked');
  assert.deepEqual(codes('server -> client: SYN ? seq=y'), ['unknown-flag'], 'a flags blank stands alone');
});

test('9: => NAME ? and expect NAME ? are state blanks', () => {
  const p = parse('a -> b: SYN seq=x => a ?, b SYN_RECEIVED\nexpect b ?');
  assert.deepEqual(p.findings, []);
  const [s, e] = p.document.statements;
  assert.ok(s.kind === 'segment' && e.kind === 'expect');
  const [blank, real] = s.assertions;
  assert.deepEqual([blank.blank, blank.state.text, blank.state.state, blank.endpoint.name], [true, '?', undefined, 'a']);
  assert.ok(!real.blank && real.state.state === 'SYN_RECEIVED');
  assert.deepEqual([e.assertions[0].blank, e.assertions[0].state.text], [true, '?']);
  assert.deepEqual(p.document.blanks.map((b) => `${b.kind} ${b.line} ${b.range.start.character} ${b.endpoint}`), ['state 0 23 a', 'state 1 9 b']);
});

test('9: exercise [practice|exam] ["TITLE"] as the first statement; elsewhere a syntax-error', () => {
  const p = parse('# a comment first is fine\n\nexercise exam "Handshake"\nendpoint a');
  assert.deepEqual(p.findings, []);
  const ex = p.document.statements[0];
  assert.ok(ex.kind === 'exercise');
  assert.deepEqual([ex.mode, ex.title, ex.line], ['exam', 'Handshake', 2]);
  const plain = one('exercise');
  assert.ok(plain?.kind === 'exercise' && plain.mode === 'practice' && plain.title === undefined);
  const titled = one('EXERCISE “三次握手”');
  assert.ok(titled?.kind === 'exercise' && titled.mode === 'practice' && titled.title === '三次握手');
  const late = parse('endpoint a\nexercise practice');
  assert.deepEqual(late.findings.map((f) => `${f.code} ${f.range.start.line}`), ['syntax-error 1']);
  assert.equal(late.document.statements.length, 1);
  assert.equal(parse('exercise practise').findings[0].params?.suggestion, 'practice');
  const action = one('exercise listen');
  assert.ok(action?.kind === 'action', 'an endpoint named exercise can still act');
});

test('8: every parser finding carries a catalog message (parser.*), in English and Chinese, with every placeholder filled', () => {
  const bad = ['h2 ->', 'a -> a: SYN', 'a -> b: SYN FIN', 'a -> b: [S', 'a -> b: SYNN', 'a -> b: ACK seq=1 ack=999 PSH', 'a -> b: ACK sqe=1 seq=x+y seq=2 len=-1 data=x id=9x win=?x',
    'old a -> b: ACK', 'a ~> b: ACK', 'endpoint', 'endpoint B LISTEN snd=1 wnd=2', 'endpoint B SYN_SENT', 'endpoint B ESTABLISHED as', 'expect a FOO', 'expect a', 'expect 5',
    'a listen now', 'deliver', 'deliver 9x', 'note', 'exercise x', 'a => b', '%%%', 'a -> b: ACK seq=x+', 'a -> b: ACK seq=0-x', 'a -> b: ACK seq=4294967296', 'a -> b: ? ?', 'a -> b: ACK => a ESTABLISHED b'];
  let n = 0;
  for (const line of bad) {
    const p = parse(`x\n${line}`);
    assert.ok(p.findings.length > 0, line);
    for (const f of p.findings) {
      assert.ok(f.text && f.text.id.startsWith('parser.'), `${line}: ${JSON.stringify(f)}`);
      assert.ok(!('message' in f), line);
      assert.ok(f.text.id in CATALOGS.en && f.text.id in CATALOGS['zh-cn'], f.text.id);
      for (const lang of ['en', 'zh-cn'] as const) assert.doesNotMatch(say(lang, f.text), /\{[A-Za-z]+\}/, `${lang} ${f.text.id}`);
      n++;
    }
  }
  assert.ok(n >= bad.length);
});
