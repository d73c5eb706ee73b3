// The TextMate grammar: valid JSON, every regex compiles, and a small TextMate interpreter (enough for
// this grammar: match, begin/end, captures, includes) gives representative tokens the expected scopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { stateSpellings } from '../../src/core/index.ts';

interface Captures { [group: string]: { name: string } }
interface Rule {
  name?: string; match?: string; begin?: string; end?: string; include?: string;
  captures?: Captures; beginCaptures?: Captures; endCaptures?: Captures; patterns?: Rule[];
}
interface Grammar { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> }

const grammar = JSON.parse(readFileSync(new URL('../../syntaxes/tcpseq.tmLanguage.json', import.meta.url), 'utf8')) as Grammar;

/** Oniguruma source to a JS RegExp. The grammar keeps to the common subset; a leading `(?i)` becomes the `i` flag. */
function compile(source: string): RegExp {
  let flags = 'dg';
  if (source.startsWith('(?i)')) { source = source.slice(4); flags += 'i'; }
  assert.ok(!/\(\?[imx]/.test(source), `inline modifiers other than a leading (?i) do not compile in JS: ${source}`);
  return new RegExp(source, flags);
}

function everyRule(visit: (r: Rule, where: string) => void): void {
  const walk = (r: Rule, where: string) => { visit(r, where); r.patterns?.forEach((p, i) => walk(p, `${where}.patterns[${i}]`)); };
  grammar.patterns.forEach((p, i) => walk(p, `patterns[${i}]`));
  for (const [k, r] of Object.entries(grammar.repository)) walk(r, `repository.${k}`);
}

/** The rules a list of patterns stands for, with includes resolved and pattern groups flattened. */
function expand(patterns: Rule[] | undefined, out: Rule[] = []): Rule[] {
  for (const p of patterns ?? []) {
    const r = p.include ? grammar.repository[p.include.slice(1)] : p;
    assert.ok(r, `unknown include ${p.include}`);
    if (r.match || r.begin) out.push(r); else expand(r.patterns, out);
  }
  return out;
}

const compiled = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) { r = compile(source); compiled.set(source, r); }
  return r;
}

/** Scopes of each character of each line. */
function tokenize(text: string): string[][][] {
  const stack: { rule: Rule; end?: RegExp; scopes: string[] }[] = [{ rule: { patterns: grammar.patterns }, scopes: [grammar.scopeName] }];
  return text.split('\n').map((line) => {
    // scopes of each UTF-16 unit
    const chars: string[][] = Array.from({ length: line.length }, () => []);
    const paint = (from: number, to: number, names: string[]) => { for (let i = from; i < to; i++) chars[i] = [...names]; };
    const capture = (m: RegExpExecArray, caps: Captures | undefined, base: string[]) => {
      if (!caps) return;
      const idx = m.indices!;
      for (const [g, c] of Object.entries(caps).sort((a, b) => Number(a[0]) - Number(b[0]))) {
        const span = idx[Number(g)];
        if (!span) continue;
        for (let i = span[0]; i < span[1]; i++) chars[i] = [...base, ...c.name.split(' ')];
      }
    };
    let pos = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const top = stack[stack.length - 1];
      let best: { m: RegExpExecArray; rule?: Rule } | undefined;
      if (top.end) {
        top.end.lastIndex = pos;
        const m = top.end.exec(line);
        if (m) best = { m };
      }
      for (const rule of expand(top.rule.patterns)) {
        const r = re((rule.match ?? rule.begin)!);
        r.lastIndex = pos;
        const m = r.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { m, rule };
      }
      if (!best) { paint(pos, line.length, top.scopes); break; }
      const { m, rule } = best;
      paint(pos, m.index, top.scopes);
      const after = m.index + m[0].length;
      if (!rule) {
        paint(m.index, after, top.scopes);
        capture(m, top.rule.endCaptures ?? top.rule.captures, top.scopes);
        stack.pop();
      } else {
        const inner = rule.name ? [...top.scopes, ...rule.name.split(' ')] : top.scopes;
        paint(m.index, after, inner);
        if (rule.match) capture(m, rule.captures, inner);
        else {
          capture(m, rule.beginCaptures ?? rule.captures, inner);
          stack.push({ rule, end: re(rule.end!), scopes: inner });
        }
        if (m[0].length === 0 && rule.match) { paint(pos, pos + 1, top.scopes); pos++; continue; }
      }
      pos = after;
      if (pos > line.length) break;
    }
    // rules that end at `$` close with the line
    while (stack.length > 1) stack.pop();
    return chars;
  });
}

/** Scopes of each character of the `nth` occurrence of `piece` on a one-line text. */
function scopesOf(line: string, piece: string, nth = 0): string[][] {
  let at = -1;
  for (let k = 0; k <= nth; k++) { at = line.indexOf(piece, at + 1); assert.ok(at >= 0, `${piece} not in ${line}`); }
  return tokenize(line)[0].slice(at, at + piece.length);
}

const has = (scopes: string[], scope: string) => scopes.some((x) => x === scope || x.startsWith(scope + '.'));

/** Every character of the piece has the scope (or a more precise one). */
function assertScope(line: string, piece: string, scope: string, nth = 0): void {
  for (const s of scopesOf(line, piece, nth)) assert.ok(has(s, scope), `\`${piece}\` in \`${line}\` should be ${scope}; got ${s.join(' ')}`);
}
function assertNotScope(line: string, piece: string, scope: string): void {
  for (const s of scopesOf(line, piece)) assert.ok(!s.some((x) => x.startsWith(scope)), `\`${piece}\` in \`${line}\` should not be ${scope}; got ${s.join(' ')}`);
}

test('the grammar is valid JSON with the tcpseq scope', () => {
  assert.equal(grammar.scopeName, 'source.tcpseq');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'tcpseq');
  assert.equal(g.scopeName, 'source.tcpseq');
  assert.equal(g.path, './syntaxes/tcpseq.tmLanguage.json');
});

test('every regex of the grammar compiles in JS, every include resolves, every scope ends in .tcpseq', () => {
  let count = 0;
  everyRule((r, where) => {
    for (const key of ['match', 'begin', 'end'] as const) {
      const src = r[key];
      if (src === undefined) continue;
      assert.doesNotThrow(() => compile(src), `${where}.${key}: ${src}`);
      count++;
    }
    if (r.include) assert.ok(grammar.repository[r.include.slice(1)], `${where}: include ${r.include}`);
    if (r.begin) assert.ok(r.end, `${where}: begin without end`);
    const names = [r.name, ...Object.values({ ...r.captures, ...r.beginCaptures, ...r.endCaptures }).map((c) => c.name)];
    for (const n of names) if (n) for (const s of n.split(' ')) assert.match(s, /\.tcpseq$/, `${where}: scope ${s}`);
  });
  assert.ok(count >= 30, `only ${count} regexes`);
});

test('segment lines: endpoints, arrows, flags, fields, numbers, symbols, assertions, comments', () => {
  const l = 'client -> server: SYN+ACK seq=y ack=x+1 win=0xFFFF => client ESTABLISHED, server=SYN_RCVD # here';
  assertScope(l, 'client', 'variable.other.endpoint.source');
  assertScope(l, '->', 'keyword.operator.arrow');
  assertScope(l, 'server', 'variable.other.endpoint.destination');
  assertScope(l, 'SYN', 'constant.language.flag');
  assertScope(l, 'ACK', 'constant.language.flag');
  assertScope(l, '+', 'punctuation.separator.flags');
  assertScope(l, 'seq', 'variable.parameter.field');
  assertScope(l, 'y', 'variable.other.symbol');
  assertScope(l, 'x', 'variable.other.symbol');
  assertScope(l, '+', 'keyword.operator.arithmetic', 1);
  assertScope(l, '1', 'constant.numeric.decimal');
  assertScope(l, '0xFFFF', 'constant.numeric.hex');
  assertScope(l, '=>', 'keyword.operator.assertion');
  assertScope(l, 'client', 'variable.other.endpoint', 1);
  assertScope(l, 'ESTABLISHED', 'constant.language.state');
  assertScope(l, 'SYN_RCVD', 'constant.language.state');
  assertScope(l, '# here', 'comment.line.number-sign');
  assertScope('a -x b: ACK seq=1 ack=1 len=100', '-x', 'keyword.operator.arrow');
  assertScope('a -x b: ACK seq=1 ack=1 len=100', '100', 'constant.numeric.decimal');
  assertScope('a ~> b: FIN, ACK seq=u id=fin_a', '~>', 'keyword.operator.arrow');
  assertScope('a ~> b: FIN, ACK seq=u id=fin_a', 'fin_a', 'variable.other.segment-id');
  assertScope('a -> b: FIN ACK seq=u // why', '// why', 'comment.line.double-slash');
  assertScope('a -> b: syn seq=4294967295', 'syn', 'constant.language.flag');
  assertScope('a -> b: BOGUS seq=1', 'BOGUS', 'invalid.illegal.flag');
  assertScope('a -> b: ACK sqe=1', 'sqe', 'invalid.illegal.field');
});

test('packetdrill short flags', () => {
  for (const f of ['S', 'S.', '.', 'F.', 'P.', 'R', 'R.', 'FP.']) {
    const l = `a -> b: ${f} seq=1 ack=1`;
    assertScope(l, f, 'constant.language.flag');
  }
  // a symbol S in a value is a symbol, not a flag
  assertScope('a -> b: S seq=S', 'S', 'variable.other.symbol', 1);
});

test('strings with escapes, and comment characters inside strings', () => {
  const l = 'a -> b: P. data="say \\"hi\\" # not // a comment" # real';
  assertScope(l, 'data', 'variable.parameter.field');
  assertScope(l, '\\"', 'constant.character.escape');
  assertScope(l, '# not', 'string.quoted.double');
  assertScope(l, '// a', 'string.quoted.double');
  assertScope(l, '# real', 'comment.line.number-sign');
  assertScope('endpoint s as "Web # server"', 'Web # server', 'string.quoted.double');
});

test('keywords, sections, notes, actions', () => {
  assertScope('title Three-way handshake', 'title', 'keyword.other.title');
  assertScope('title Three-way handshake', 'Three-way', 'markup.heading.title');
  const e = 'endpoint server LISTEN as "Server (passive)"';
  assertScope(e, 'endpoint', 'keyword.other.endpoint');
  assertScope(e, 'server', 'entity.name.type.endpoint');
  assertScope(e, 'LISTEN', 'constant.language.state');
  assertScope(e, 'as', 'keyword.other.as');
  assertScope(e, 'Server (passive)', 'string.quoted.double');
  assertScope('endpoint server as Server A', 'Server A', 'string.unquoted.label');
  assertScope('== Three-way handshake ==', '==', 'punctuation.definition.heading.begin');
  assertScope('== Three-way handshake ==', 'Three-way handshake', 'markup.heading.section');
  assertScope('== Handshake == # c', '# c', 'comment.line.number-sign');
  assertScope('note client: the application calls close()', 'note', 'keyword.other.note');
  assertScope('note client: the application calls close()', 'client', 'variable.other.endpoint');
  assertScope('note client: the application calls close()', 'the application', 'string.unquoted.note');
  assertScope('note: both', 'both', 'string.unquoted.note');
  assertScope('expect client CLOSED, server LISTEN', 'expect', 'keyword.other.expect');
  assertScope('expect client CLOSED, server LISTEN', 'LISTEN', 'constant.language.state');
  assertScope('deliver syn_a, syn_b => a SYN_RECEIVED', 'deliver', 'keyword.other.deliver');
  assertScope('deliver syn_a, syn_b => a SYN_RECEIVED', 'syn_b', 'variable.other.segment-id');
  assertScope('deliver syn_a, syn_b => a SYN_RECEIVED', 'SYN_RECEIVED', 'constant.language.state');
  for (const a of ['listen', 'close', 'timeout', 'wait', 'WAIT']) assertScope(`client ${a}`, a, 'keyword.control.action');
  assertScope('client wait 2MSL => client CLOSED', '2MSL', 'constant.language.duration');
  assertScope('client wait 2MSL => client CLOSED', 'CLOSED', 'constant.language.state');
  assertNotScope('client wait 2MSL', 'client', 'keyword');
});

test('every state spelling of contract section 3 is a state; unknown ones are marked', () => {
  const spellings = stateSpellings();
  assert.ok(spellings.length >= 16);
  for (const s of spellings) {
    for (const v of [s, s.replace(/_/g, '-'), s.toLowerCase()]) {
      assertScope(`expect a ${v}`, v, 'constant.language.state');
      assertScope(`a -> b: ACK => a ${v}`, v, 'constant.language.state');
      assertScope(`endpoint a ${v}`, v, 'constant.language.state');
    }
  }
  assertScope('expect a ESTABLISH', 'ESTABLISH', 'invalid.illegal.state');
  assertScope('a -> b: ACK => a SYN_SENTX', 'SYN_SENTX', 'invalid.illegal.state');
});

test('the valid examples have no token marked invalid', () => {
  const dir = new URL('../../examples/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.tcpseq'));
  assert.ok(files.length > 0, 'no examples');
  for (const f of files) {
    const lines = readFileSync(new URL(f, dir), 'utf8').split(/\r?\n/);
    tokenize(lines.join('\n')).forEach((chars, i) => {
      const bad = chars.findIndex((s) => s.some((x) => x.startsWith('invalid')));
      assert.equal(bad, -1, `${f}:${i + 1}: \`${lines[i].slice(bad)}\` is marked invalid`);
    });
  }
});

test('language configuration: # comments, auto-closing quotes, words keep SYN_SENT and stop at x+1', () => {
  const config = JSON.parse(readFileSync(new URL('../../language-configuration.json', import.meta.url), 'utf8'));
  assert.equal(config.comments.lineComment, '#');
  assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '"' && p.close === '"'));
  assert.ok(config.surroundingPairs.some((p: string[]) => p[0] === '"' && p[1] === '"'));
  // contract v2: “…” strings from a Chinese input method and tcpdump's [S.] flags pair up too
  assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '“' && p.close === '”'));
  assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '[' && p.close === ']'));
  assert.ok(config.autoCloseBefore.includes('：') && config.autoCloseBefore.includes('，'));
  const words = (s: string) => s.match(new RegExp(config.wordPattern, 'g'));
  assert.deepEqual(words('client -> server: SYN+ACK seq=x+1 ack=0x1F => client SYN_SENT'),
    ['client', 'server', 'SYN', 'ACK', 'seq', 'x', '1', 'ack', '0x1F', 'client', 'SYN_SENT']);
  assert.deepEqual(words('=> a FIN-WAIT-1, b TIME-WAIT, c FIN_WAIT2'), ['a', 'FIN-WAIT-1', 'b', 'TIME-WAIT', 'c', 'FIN_WAIT2']);
  assert.deepEqual(words('a-x b: ACK seq=y-1'), ['a', 'x', 'b', 'ACK', 'seq', 'y', '1']);
  assert.deepEqual(words('client wait 2MSL'), ['client', 'wait', '2MSL']);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const lang = pkg.contributes.languages[0];
  assert.equal(lang.id, 'tcpseq');
  const nls = JSON.parse(readFileSync(new URL('../../package.nls.json', import.meta.url), 'utf8'));
  assert.equal(nls[lang.aliases[0].slice(1, -1)], 'TCP Sequence'); // `%language.alias%` (package.nls.json)
  assert.deepEqual(lang.extensions, ['.tcpseq']);
  assert.equal(lang.configuration, './language-configuration.json');
});

test('contract v2: old segments, crash/reboot, ESTABLISHED fields, bracketed flags', () => {
  const old = 'old client -> server: SYN seq=x';
  assertScope(old, 'old', 'storage.modifier.old');
  assertScope(old, 'client', 'variable.other.endpoint.source');
  assertScope(old, 'server', 'variable.other.endpoint.destination');
  assertScope('OLD a -x b: ACK seq=1 ack=2', 'OLD', 'storage.modifier.old');
  assertScope('old -> b: SYN seq=1', 'old', 'variable.other.endpoint.source');
  for (const a of ['crash', 'reboot', 'CRASH']) assertScope(`server ${a} => server CLOSED`, a, 'keyword.control.action');
  const e = 'endpoint A ESTABLISHED snd=42 rcv=x+79 win=100 as "Host A"';
  assertScope(e, 'ESTABLISHED', 'constant.language.state');
  for (const f of ['snd', 'rcv', 'win']) assertScope(e, f, 'variable.parameter.field');
  assertScope(e, '42', 'constant.numeric.decimal');
  assertScope(e, 'x', 'variable.other.symbol');
  assertScope(e, '100', 'constant.numeric.decimal');
  assertScope(e, 'as', 'keyword.other.as');
  assertScope(e, 'Host A', 'string.quoted.double');
  assertScope('endpoint A ESTABLISHED snx=1', 'snx', 'invalid.illegal.field');
  for (const f of ['[S]', '[S.]', '[P.]', '[F.]', '[R.]', '[.]', '[FP.]', '[S.E]']) assertScope(`a -> b: ${f} seq=1 ack=1`, f, 'constant.language.flag');
  assertScope('a -> b: [S seq=1', '[S', 'invalid.illegal.flag');
  assertScope('a -> b: S.] seq=1', 'S.]', 'invalid.illegal.flag');
});

test('contract v2: ? blanks and the exercise statement', () => {
  const l = 'server -> client: ? seq=? ack=x+1 len=? win=? => client ?, server ESTABLISHED';
  assertScope(l, '?', 'constant.other.placeholder.blank', 0);
  assertScope(l, '?', 'constant.other.placeholder.blank', 1);
  assertScope(l, '?', 'constant.other.placeholder.blank', 2);
  assertScope(l, '?', 'constant.other.placeholder.blank', 3);
  assertScope(l, '?', 'constant.other.placeholder.blank', 4);
  assertScope(l, 'ESTABLISHED', 'constant.language.state');
  assertScope('expect client ?, server CLOSED', '?', 'constant.other.placeholder.blank');
  assertNotScope('expect client ?, server CLOSED', '?', 'invalid');
  assertScope('exercise exam "Handshake"', 'exercise', 'keyword.other.exercise');
  assertScope('exercise exam "Handshake"', 'exam', 'constant.language.exercise-mode');
  assertScope('exercise practice', 'practice', 'constant.language.exercise-mode');
  assertScope('exercise exam "Handshake"', 'Handshake', 'string.quoted.double');
  assertScope('Exercise “三次握手”', '三次握手', 'string.quoted.double');
  assertScope('exercise -> b: SYN', 'exercise', 'variable.other.endpoint.source');
});

test('full-width punctuation is coloured like its ASCII form', () => {
  const l = 'client -> server：SYN，ACK seq＝x＋1 ack＝y => client：ESTABLISHED， server＝SYN_RCVD ＃ 注释';
  assertScope(l, '：', 'punctuation.separator.colon');
  assertScope(l, 'SYN', 'constant.language.flag');
  assertScope(l, '，', 'punctuation.separator.flags');
  assertScope(l, 'ACK', 'constant.language.flag');
  assertScope(l, 'seq', 'variable.parameter.field');
  assertScope(l, '＝', 'keyword.operator.assignment');
  assertScope(l, 'x', 'variable.other.symbol');
  assertScope(l, '＋', 'keyword.operator.arithmetic');
  assertScope(l, 'y', 'variable.other.symbol');
  assertScope(l, 'ESTABLISHED', 'constant.language.state');
  assertScope(l, '：', 'punctuation.separator.key-value', 1);
  assertScope(l, 'SYN_RCVD', 'constant.language.state');
  assertScope(l, '＃ 注释', 'comment.line.number-sign');
  const d = 'a -> b: ACK data=“你好，世界 # 不是注释” seq=1';
  assertScope(d, '你好，世界 # 不是注释', 'string.quoted.double');
  assertScope(d, 'seq', 'variable.parameter.field');
  assertScope('a -> b: ACK data=“ab" seq=1', 'seq', 'variable.parameter.field');
  assertScope('a -> b: ACK data="a”b" seq=1', 'a”b', 'string.quoted.double');
  assertScope('＝＝ 握手 ＝＝', '握手', 'markup.heading.section');
  assertScope('note client：你好', 'client', 'variable.other.endpoint');
  assertScope('note client：你好', '你好', 'string.unquoted.note');
  assertScope('deliver a， b', 'b', 'variable.other.segment-id');
  assertScope('expect a CLOSED， b LISTEN', 'LISTEN', 'constant.language.state');
  assertScope('endpoint A ESTABLISHED snd＝42 as “主机 A”', 'snd', 'variable.parameter.field');
  assertScope('endpoint A ESTABLISHED snd＝42 as “主机 A”', '主机 A', 'string.quoted.double');
  assertScope('a -> b: ACK seq＝？', '？', 'constant.other.placeholder.blank');
});
