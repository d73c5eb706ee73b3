// The formatter: columns, comments and blank lines kept, idempotent, and never a change of meaning
// (same diagnostics, same trace) — on every example and on tricky inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { formatEdits, formatText, width } from '../../src/core/editor/format.ts';
import { LineTokens } from '../../src/core/syntax/lexer.ts';

/** Everything the validator says about a file, by line: diagnostics, steps, final states, endpoints. */
function meaning(text: string) {
  const a = analyze(text);
  return {
    diagnostics: a.diagnostics.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}: ${d.message}` +
      (d.related ?? []).map((r) => ` [${r.range.start.line + 1}: ${r.message}]`).join('')).sort(),
    steps: a.steps.map((s) => `${s.line + 1} ${s.before.join(',')} -> ${s.states.join(',')}`),
    final: a.final.join(','),
    endpoints: a.endpoints.map((e) => `${e.name} "${e.label}" ${e.initial}`),
    title: a.title,
    lines: a.document.lineCount,
  };
}

/** The comment of each line, as the lexer finds it (not inside a string), without trailing white space. */
function comments(text: string): string[] {
  const t = new LineTokens();
  return text.split(/\r\n|\r|\n/).map((l, i) => {
    t.tokenize(l, i);
    const rest = l.slice(t.codeEnd);
    // a full-width ＃ starts a comment too; the formatter writes it as #
    return rest.startsWith('#') || rest.startsWith('//') ? rest.trimEnd() : rest.startsWith('＃') ? '#' + rest.slice(1).trimEnd() : '';
  });
}

/** The formatter's three promises on one text. */
function assertSafe(text: string, name: string): string {
  const once = formatText(text);
  assert.equal(formatText(once), once, `${name}: formatting twice changes the text`);
  assert.deepEqual(meaning(once), meaning(text), `${name}: the formatted file means something else`);
  assert.deepEqual(comments(once), comments(text), `${name}: a comment changed`);
  const blank = (t: string) => t.split(/\r\n|\r|\n/).map((l) => l.trim() === '');
  assert.deepEqual(blank(once), blank(text), `${name}: blank lines moved`);
  assert.deepEqual(text.match(/\r\n|\r|\n/g) ?? [], once.match(/\r\n|\r|\n/g) ?? [], `${name}: line breaks changed`);
  return once;
}

function examples(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? examples(p) : p.endsWith('.tcpseq') ? [p] : [];
  });
}

const EXAMPLES = examples(new URL('../../examples', import.meta.url).pathname);

test('every example formats without a change of meaning, idempotently', () => {
  assert.ok(EXAMPLES.length >= 20, `only ${EXAMPLES.length} examples`);
  for (const f of EXAMPLES) assertSafe(readFileSync(f, 'utf8'), f);
});

test('aligns arrows, flags, fields and assertions into columns within a block', () => {
  const input = [
    'endpoint a',
    'endpoint server LISTEN',
    '',
    '== Handshake ==',
    'a -> server: SYN seq=x  => a SYN_SENT',
    'server   ->   a :   SYN+ACK seq=y ack=x+1 => a ESTABLISHED',
    '  a -> server: ACK seq=x+1 ack=y+1 len=0 =>server ESTABLISHED',
    '',
    'a -> server:FIN , ACK seq=x+1 ack=y+1',
    'server -> a: ACK seq=y+1 ack=x+2 => a FIN_WAIT_2',
    'a wait 2MSL',
    '',
  ].join('\n');
  const expected = [
    'endpoint a',
    'endpoint server LISTEN',
    '',
    '== Handshake ==',
    'a      -> server: SYN     seq=x                  => a SYN_SENT',
    'server -> a:      SYN+ACK seq=y   ack=x+1        => a ESTABLISHED',
    'a      -> server: ACK     seq=x+1 ack=y+1 len=0  => server ESTABLISHED',
    '',
    'a      -> server: FIN, ACK seq=x+1 ack=y+1',
    'server -> a:      ACK      seq=y+1 ack=x+2  => a FIN_WAIT_2',
    'a wait 2MSL',
    '',
  ].join('\n');
  assert.equal(formatText(input), expected);
  assertSafe(input, 'columns');
});

test('fields in the same order share named columns; mixed orders fall back to positions', () => {
  assert.equal(formatText('a -> b: S seq=0 win=10\nb -> a: S. seq=0 ack=1 win=10\n'),
    'a -> b: S  seq=0       win=10\nb -> a: S. seq=0 ack=1 win=10\n');
  assert.equal(formatText('a -> b: S seq=0 win=10\nb -> a: S. ack=1 seq=0\n'),
    'a -> b: S  seq=0 win=10\nb -> a: S. ack=1 seq=0\n');
});

test('keeps comments (trailing ones aligned), blank lines and their white space-free form', () => {
  const input = '# top comment, "quoted" # inside\n\n  client -> server: SYN seq=x   # the SYN\nserver -> client: SYN+ACK seq=y ack=x+1 // answer "it"\n   \t\n// end\n';
  const out = assertSafe(input, 'comments');
  assert.equal(out, '# top comment, "quoted" # inside\n\nclient -> server: SYN     seq=x          # the SYN\nserver -> client: SYN+ACK seq=y ack=x+1  // answer "it"\n\n// end\n');
});

test('keeps each line break: CRLF, CR, mixed, no final newline, BOM', () => {
  const crlf = 'client -> server:   SYN seq=x\r\nserver -> client: SYN+ACK   seq=y ack=x+1\r\n';
  assert.equal(assertSafe(crlf, 'crlf'), 'client -> server: SYN     seq=x\r\nserver -> client: SYN+ACK seq=y ack=x+1\r\n');
  const mixed = 'a -> b: SYN  seq=1\rb -> a: SYN+ACK seq=5 ack=2\na -> b: ACK seq=2 ack=6';
  assert.equal(assertSafe(mixed, 'mixed'), 'a -> b: SYN     seq=1\rb -> a: SYN+ACK seq=5 ack=2\na -> b: ACK     seq=2 ack=6');
  const bom = '\ufeff  title  BOM file\n';
  assert.equal(assertSafe(bom, 'bom'), '\ufefftitle BOM file\n');
});

test('tabs between tokens become spaces; text inside values, strings, labels and notes is untouched', () => {
  const input = 'endpoint\tc\tas\t"Cli\tent  A"\nendpoint s LISTEN as  Server   B\nc\t->\ts:\tPSH+ACK\tseq=x + 1\tdata="a  \\" # b"\nnote  c :  two  spaces  kept\ntitle   A  title  \n';
  const out = assertSafe(input, 'tabs');
  assert.equal(out, 'endpoint c as "Cli\tent  A"\nendpoint s LISTEN as Server   B\nc -> s: PSH+ACK seq=x + 1 data="a  \\" # b"\nnote c: two  spaces  kept\ntitle A  title\n');
});

test('unicode labels and data: columns count what the editor shows', () => {
  const input = 'endpoint c as "Client 🚀"\nendpoint s LISTEN as "サーバー"\nc -> s: SYN seq=0 => c SYN_SENT\ns -> c: SYN+ACK seq=0 ack=1\nc -> s: PSH+ACK seq=1 ack=1 data="héllo 😀" => s ESTABLISHED\n';
  const out = assertSafe(input, 'unicode');
  const lines = out.split('\n');
  assert.equal(lines[1], 'endpoint s LISTEN as "サーバー"');
  const arrowAt = (l: string) => width(l.slice(0, l.indexOf('=>')));
  assert.equal(arrowAt(lines[2]), arrowAt(lines[4]));
  assert.equal(width('サ😀é'), 5);
});

test('packetdrill flags and flag separators', () => {
  const input = 'c -> s: S seq=0\ns -> c: S.  seq=0 ack=1\nc -> s: . seq=1 ack=1\nc -> s: P. seq=1 ack=1 len=5\nc -> s: F .  seq=6 ack=1\ns -> c: FIN | ACK seq=1 ack=7\nc -> s: ACK /  URG seq=7 ack=2\nc -> s: R. seq=7\n';
  const out = assertSafe(input, 'packetdrill');
  assert.deepEqual(out.split('\n').map((l) => l.slice(8, 16).trimEnd()), ['S', 'S.', '.', 'P.', 'F .', 'FIN|ACK', 'ACK/URG', 'R.', '']);
});

test('lines with syntax errors stay exactly as they are; the rest of the block is still formatted', () => {
  const input = 'client -> server: SYN   seq=x\nclient => server  SYN\nclient -> server: ACK seq=x+1 ack=y+1 foo   bar\n  bogus   line  \nendpoint  s  as\nserver -> client: SYN+ACK seq=y ack=x+1   data="unclosed\n';
  const out = assertSafe(input, 'syntax errors').split('\n');
  const lines = input.split('\n');
  assert.equal(out[0], 'client -> server: SYN seq=x');
  for (const i of [1, 2, 3, 4, 5]) assert.equal(out[i], lines[i], `line ${i + 1}`);
});

test('lines with other errors are formatted, keeping the erroneous text', () => {
  const input = 'client -> server: BOGUS+SYN   seq=x  seq=y\nclient -> client: SYN   seq=1\nexpect client  ESTABLISH ,server   CLOSED\nendpoint a FOO\na -> b: SYN seq=1 ack=0x100000000\n';
  const out = assertSafe(input, 'other errors');
  assert.match(out, /^client -> server: BOGUS\+SYN seq=x seq=y$/m);
  assert.match(out, /^expect client ESTABLISH, server CLOSED$/m);
});

test('actions, deliver, expect, sections and notes are normalised', () => {
  const input = '==Handshake==\n  ==  Loss   \nnote:x\nnote   :   \nc ~> s: SYN seq=x id=a\ndeliver   a ,b   =>   s  :  SYN_RECEIVED ;c=SYN_SENT\nc   wait   2MSL\nexpect  c  SYN-SENT  s FIN-WAIT-1\n';
  const out = formatText(input);
  assert.equal(out, '== Handshake ==\n== Loss ==\nnote: x\nnote:\nc ~> s: SYN seq=x id=a\ndeliver a, b  => s: SYN_RECEIVED; c=SYN_SENT\nc wait 2MSL\nexpect c SYN-SENT s FIN-WAIT-1\n');
  assertSafe(input, 'statements');
});

test('contract v2 syntax: old, crash, ESTABLISHED fields, bracketed flags, blanks and exercise lines are formatted', () => {
  const input = [
    'exercise   exam   "Handshake"',
    'endpoint  A   ESTABLISHED   snd=42  rcv=79   win=100  as  "Host A"',
    'endpoint B ESTABLISHED',
    'A  -> B :  [P.]  seq=42 ack=79 len=1',
    'old   B ->  A:  [S.]   seq=7  ack=1',
    'B -> A:   ?   seq=?   ack=43  => A  ?',
    'A   crash  => A CLOSED',
    'B  reboot',
    'expect   A ?  ,  B  CLOSED',
    '',
  ].join('\n');
  const expected = [
    'exercise exam "Handshake"',
    'endpoint A ESTABLISHED snd=42 rcv=79 win=100 as "Host A"',
    'endpoint B ESTABLISHED',
    'A     -> B: [P.] seq=42 ack=79 len=1',
    'old B -> A: [S.] seq=7  ack=1',
    'B     -> A: ?    seq=?  ack=43  => A ?',
    'A crash                         => A CLOSED',
    'B reboot',
    'expect A ?, B CLOSED',
    '',
  ].join('\n');
  assert.equal(formatText(input), expected);
  assertSafe(input, 'v2 syntax');
});

test('full-width punctuation is written in ASCII; quoted text, titles, notes and comments keep theirs', () => {
  const input = [
    'title 握手：第一步',
    'endpoint A as “客户端，浏览器”',
    'endpoint B LISTEN',
    'A -> B：SYN seq＝x   ＃ 第一次握手：同步',
    'B -> A：SYN，ACK seq＝y ack＝x＋1 => A：ESTABLISHED， B SYN_RECV',
    'A -> B：ACK seq＝x＋1 ack＝y＋1 data=“你好，世界” => B＝ESTABLISHED',
    'note A：全角冒号，保留',
    'expect A ESTABLISHED， B ？',
    '＝＝ 结束 ＝＝',
    '',
  ].join('\n');
  const out = assertSafe(input, 'full-width').split('\n');
  assert.equal(out[0], 'title 握手：第一步');
  assert.equal(out[1], 'endpoint A as "客户端，浏览器"');
  assert.match(out[3], /^A -> B: SYN +seq=x  # 第一次握手：同步$/);
  assert.match(out[4], /^B -> A: SYN, ACK seq=y +ack=x\+1 +=> A: ESTABLISHED, B SYN_RECV$/);
  assert.match(out[5], /^A -> B: ACK +seq=x\+1 ack=y\+1 data="你好，世界" +=> B=ESTABLISHED$/);
  assert.equal(out[6], 'note A: 全角冒号，保留');
  assert.equal(out[7], 'expect A ESTABLISHED, B ?');
  assert.equal(out[8], '== 结束 ==');
  assert.ok(!/[：，＝＋＃？“”]/.test(out.slice(3, 6).map((l) => l.replace(/#.*$/, '').replace(/"[^"]*"/g, '')).join('\n')), 'no full-width punctuation left in code');
});

test('formatEdits lists only the changed lines, and applying them gives formatText', () => {
  const input = 'client -> server: SYN seq=x\r\n\r\nserver  -> client: SYN+ACK seq=y ack=x+1\r\n# c  \r\n';
  const edits = formatEdits(input);
  assert.deepEqual(edits.map((e) => e.line), [2, 3]);
  const lines = input.split('\r\n');
  for (const e of edits) lines[e.line] = e.text;
  assert.equal(lines.join('\r\n'), formatText(input));
  assert.deepEqual(formatEdits(formatText(input)), []);
});

test('messy variants of every example format to the same file as the example itself', () => {
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const messy = (line: string) => {
    // more white space where white space already is, and some indentation; never inside quotes
    let inQuote = false;
    let out = random() < 0.3 ? ' \t '.slice(0, 1 + Math.floor(random() * 3)) : '';
    for (const ch of line) {
      if (ch === '"' || ch === '“' || ch === '”') inQuote = !inQuote;
      out += ch === ' ' && !inQuote && !line.trimStart().startsWith('#') && !line.trimStart().startsWith('note') && !line.trimStart().startsWith('title') && !line.trimStart().startsWith('==')
        ? [' ', '  ', '\t', ' \t '][Math.floor(random() * 4)] : ch;
    }
    return out + (random() < 0.3 ? '  ' : '');
  };
  for (const f of EXAMPLES) {
    const text = readFileSync(f, 'utf8');
    // a CRLF file keeps its \r at the end of each line (white space added before it, not after)
    const variant = text.split('\n').map((l) => {
      const cr = l.endsWith('\r') ? '\r' : '';
      const code = cr ? l.slice(0, -1) : l;
      return (code.includes('#') || code.includes('//') ? code : messy(code)) + cr;
    }).join('\n');
    assertSafe(variant, `${f} (messy)`);
    assert.equal(formatText(variant), formatText(text), `${f}: a messy variant formats differently`);
  }
});

test('random token soup: idempotent and meaning-preserving (seeded)', () => {
  let seed = Number(process.env.SEED ?? 12345);
  const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)];
  const words = ['client', 'server', 'a', 'b', '->', '-x', '~>', '-', 'x', '>', ':', 'SYN', 'ACK', 'S.', '.', 'F', '+', ',', '|', '/',
    'seq=', 'ack=', 'len=', 'data=', 'id=', 'win=', '=', '=>', '==', 'x+1', '0x10', '4294967296', '"q  \\" #"', '"open', 'SYN_SENT',
    'SYN-SENT', 'FIN-WAIT-1', 'ESTABLISH', 'endpoint', 'LISTEN', 'as', 'title', 'note', 'expect', 'deliver', 'wait', '2MSL', 'listen',
    'close', 'timeout', ';', '# c', '// d', '\t', 'é', '😀',
    // contract v2
    'old', 'crash', 'reboot', '[S.]', '[S', 'P.]', '?', '？', '：', '，', '＝', '＋', '＃ 注释', '“引，号”', '“open', 'snd=', 'rcv=', 'ESTABLISHED',
    'exercise', 'exam', 'practice', 'PSH'];
  const starts = ['client -> server: ', 'server -> client: ', 'a ~> b: ', 'endpoint ', 'expect ', 'deliver ', 'note ', '== ', 'client ', '',
    'old client -> server: ', 'endpoint a ESTABLISHED ', 'client -> server：', 'exercise '];
  for (let n = 0; n < Number(process.env.N ?? 300); n++) {
    const lines: string[] = [];
    const count = 1 + Math.floor(random() * 8);
    for (let k = 0; k < count; k++) {
      let line = random() < 0.15 ? '' : pick(starts);
      const len = Math.floor(random() * 8);
      for (let w = 0; w < len; w++) line += pick(words) + (random() < 0.7 ? pick([' ', '  ', '\t', '']) : '');
      lines.push(line);
    }
    const text = lines.join(pick(['\n', '\r\n']));
    assertSafe(text, `soup ${n}: ${JSON.stringify(text)}`);
  }
});
