// Variants (new random ISNs, reproducible from a seed, optionally wrapping around 2^32) and the Moodle
// XML export (well-formed, one Cloze question per exercise, the right sub-question types).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { analyzeExercise, clozeOf, makeVariant, moodleQuiz, seededRandom, spellings } from '../../src/core/exercise/index.ts';
import { file } from './helpers.ts';

const EXERCISES = resolve(import.meta.dirname, '../../examples/exercises');
const read = (name: string) => readFileSync(resolve(EXERCISES, `${name}.tcpseq`), 'utf8');
const numbers = (text: string) => [...text.matchAll(/(?:seq|ack|snd|rcv)=(\d+)/g)].map((m) => Number(m[1]));

test('a variant: symbols become numbers, every number of a sequence space moves together, the file stays right', () => {
  const text = read('teardown');
  const v = makeVariant(text, { random: seededRandom('s1') });
  assert.doesNotMatch(v.replace(/#.*$/gm, ''), /(seq|ack|snd|rcv)=[uv]/, 'no symbol left');
  const snd = Number(/snd=(\d+)/.exec(v)![1]);
  const rcv = Number(/rcv=(\d+)/.exec(v)![1]);
  assert.match(v, new RegExp(`FIN\\+ACK seq=${snd} ack=${rcv}`));
  assert.match(v, new RegExp(`\\? seq=${rcv} ack=${snd + 1}`));
  const a = analyzeExercise(v);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.deepEqual(a.exercise.key.map((e) => e.kind), analyzeExercise(text).exercise.key.map((e) => e.kind), 'the same blanks');
  assert.equal(a.exercise.key.find((e) => e.kind === 'ack')!.number, snd + 1);
});

test('a numeric exercise: new ISNs, the same distances', () => {
  const text = read('data-transfer');
  const v = makeVariant(text, { random: seededRandom('x') });
  const before = numbers(text);
  const after = numbers(v);
  assert.equal(after.length, before.length);
  assert.notDeepEqual(after, before);
  assert.equal((after[2]! - after[0]! + 2 ** 32) % 2 ** 32, (before[2]! - before[0]! + 2 ** 32) % 2 ** 32, 'seq distances kept');
  assert.deepEqual(analyzeExercise(v).diagnostics.filter((d) => d.severity !== 'info'), []);
});

test('the same seed gives the same variant, another seed another one', () => {
  const text = read('handshake');
  assert.equal(makeVariant(text, { random: seededRandom('week 3:Alice') }), makeVariant(text, { random: seededRandom('week 3:Alice') }));
  assert.notEqual(makeVariant(text, { random: seededRandom('week 3:Alice') }), makeVariant(text, { random: seededRandom('week 3:Bob') }));
});

test('--wrap: the numbers pass 2^32 - 1 and go on from 0, and the key follows', () => {
  for (const seed of ['a', 'b', 'c']) {
    const v = makeVariant(read('data-transfer'), { random: seededRandom(seed), wrap: true });
    const n = numbers(v);
    assert.ok(n.some((x) => x > 2 ** 32 - 1000) && n.some((x) => x < 1000), `wraps: ${n.join(' ')}`);
    const a = analyzeExercise(v);
    assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'info'), [], seed);
    assert.ok(a.exercise.key.every((e) => !e.bad));
  }
});

test('Cloze sub-questions: NUMERICAL, SHORTANSWER with spellings, MULTICHOICE for states and flags, any', () => {
  const sym = analyzeExercise(read('handshake')).exercise.key;
  assert.deepEqual(spellings('x+1'), ['x+1', 'x + 1', 'x +1', 'x+ 1', '1+x', '1 + x', '1 +x', '1+ x']);
  assert.match(clozeOf(sym.find((e) => e.kind === 'ack')!, 'en'), /^\{1:SHORTANSWER:=x\+1#[^~]*~=x \+ 1#/);
  assert.match(clozeOf(sym.find((e) => e.kind === 'state')!, 'en'), /^\{1:MULTICHOICE:CLOSED~LISTEN~=SYN_SENT#.*~SYN_RECEIVED~/);
  assert.match(clozeOf(sym.find((e) => e.kind === 'flags')!, 'en'), /^\{1:MULTICHOICE:SYN~%100%SYN\+ACK#.*~ACK~FIN\+ACK~FIN~RST~RST\+ACK\}$/);
  const num = analyzeExercise(read('data-transfer')).exercise.key;
  assert.match(clozeOf(num[0]!, 'en'), /^\{1:NUMERICAL:=43:0#/);
  const any = analyzeExercise(file('a -> b: SYN seq=?')).exercise.key[0]!;
  assert.match(clozeOf(any, 'en'), /^\{1:SHORTANSWER:=\*#/);
});

interface SaxParser { onerror: (e: Error) => void; onopentag: (t: { name: string }) => void; oncdata: (s: string) => void; write(s: string): SaxParser; close(): void }
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): SaxParser };

test('the quiz is well-formed XML (strict parser): one cloze question per file, text in CDATA', () => {
  const hostile = file('exercise "]]> & <b>bold</b> {1:NUMERICAL:=1}"', 'title </script> # ~ }', 'a -> b: SYN seq=x', 'b -> a: SYN+ACK seq=y ack=? data="]]> {1:NUMERICAL:=5}"');
  const xml = moodleQuiz([
    { name: 'handshake', text: read('handshake') }, { name: 'teardown', text: read('teardown') },
    { name: 'data', text: read('data-transfer') }, { name: 'hostile & <x>', text: hostile },
  ], 'zh-cn');
  const tags: string[] = [];
  const cdata: string[] = [];
  const p = sax.parser(true);
  p.onerror = (e) => { throw e; };
  p.onopentag = (t) => tags.push(t.name);
  p.oncdata = (s) => cdata.push(s);
  p.write(xml).close();
  assert.equal(tags[0], 'quiz');
  assert.equal(tags.filter((t) => t === 'question').length, 4);
  assert.equal((xml.match(/<question type="cloze">/g) ?? []).length, 4);
  const question = cdata.join('').split('<table').length - 1;
  assert.equal(question, 4, 'one table per question');
  assert.ok(cdata.join('').includes('&lt;b&gt;') || cdata.join('').includes('</script>') === false);
  assert.ok(!cdata.join('').includes('<script'), 'the file\'s text is escaped inside the HTML');
  assert.match(xml, /确认号应为/, 'feedback in the chosen language');
  const hostileText = cdata.join('').split('<table').at(-1)!;
  assert.match(hostileText, /&#123;1:NUMERICAL:=5&#125;/);
  assert.equal((hostileText.match(/\{1:/g) ?? []).length, 1, 'one sub-question: braces in the file\'s text are no Cloze markup');
});
