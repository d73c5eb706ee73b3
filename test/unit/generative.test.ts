// Generative test: thousands of random and mutated inputs. The core never throws, never loops, and every
// diagnostic range lies inside the document. Seeded: TCPSEQ_SEED=<n> replays a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core/index.ts';

const SEED = Number(process.env.TCPSEQ_SEED ?? 20261123);
const ROUNDS = Number(process.env.TCPSEQ_ROUNDS ?? 3000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const VALID = [
  'title Handshake', 'endpoint client as "Client"', 'endpoint server LISTEN', '== Open ==',
  'client -> server: SYN seq=x => client SYN_SENT', 'server -> client: SYN+ACK seq=y ack=x+1',
  'client -> server: ACK seq=x+1 ack=y+1 => server ESTABLISHED', 'client -> server: P. seq=x+1 ack=y+1 data="GET /"',
  'server -x client: ACK seq=y+1 ack=x+6 len=100', 'server ~> client: ACK seq=y+101 ack=x+6 len=50 id=d2',
  'deliver d2', 'server -> client: ACK seq=y+1 ack=x+6 len=100', 'note client: got it # comment',
  'client -> server: FIN+ACK seq=u ack=v', 'server -> client: F. seq=w ack=u+1', 'client -> server: . seq=u+1 ack=w+1',
  'client wait 2MSL', 'expect client CLOSED, server CLOSED',
];
const TOKENS = ['->', '-x', '~>', '=>', ':', ',', '+', '-', '=', '"', '\\', '#', '//', '==', 'SYN', 'ACK', 'S.', '.', 'seq=', 'ack=', 'len=', 'data=', 'id=', 'x', '4294967296', '0x', '-1', 'deliver', 'expect', 'endpoint', 'note', 'title', 'wait', '2MSL', 'listen', 'close', 'ESTABLISHED', 'SYN-SENT', 'client', 'server', 'third', '\t', '\r', '\r\n', '\u0000', 'é', '😀', '\u202e', '\ufeff'];

function mutate(r: () => number): string {
  const lines = VALID.slice();
  const ops = 1 + Math.floor(r() * 6);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(r() * lines.length);
    const words = lines[i].split(' ');
    const w = Math.floor(r() * words.length);
    const tok = TOKENS[Math.floor(r() * TOKENS.length)];
    switch (Math.floor(r() * 7)) {
      case 0: words[w] = tok; break;                       // change a token
      case 1: words.splice(w, 1); break;                   // drop a token
      case 2: words.splice(w, 0, words[w]); break;         // duplicate a token
      case 3: lines.splice(i, 0, lines[i]); break;         // duplicate a line
      case 4: lines.splice(i, 1); break;                   // drop a line
      case 5: words[w] = words[w].slice(0, Math.floor(r() * words[w].length)); break; // cut a token
      default: lines[i] = lines[i].slice(0, Math.floor(r() * lines[i].length)); break; // cut a line
    }
    if (lines[i] !== undefined) lines[i] = words.join(r() < 0.1 ? '' : ' ');
  }
  return lines.join(r() < 0.2 ? '\r\n' : '\n');
}

function randomBytes(r: () => number): string {
  const n = Math.floor(r() * 300);
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.7 ? String.fromCharCode(32 + Math.floor(r() * 95)) : String.fromCharCode(Math.floor(r() * 0xffff));
  return s;
}

function randomTokens(r: () => number): string {
  const n = Math.floor(r() * 60);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(TOKENS[Math.floor(r() * TOKENS.length)] + (r() < 0.15 ? '\n' : r() < 0.5 ? ' ' : ''));
  return out.join('');
}

function checkInvariants(text: string, a: Analysis, label: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of a.diagnostics) {
    const { start, end } = d.range;
    const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    assert.ok(inside(start) && inside(end), `${label}: range of ${d.code} outside the document: ${JSON.stringify(d.range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${label}: reversed range`);
    assert.ok(d.message.length > 0, `${label}: empty message`);
  }
  for (const s of a.steps) assert.ok(s.line >= 0 && s.line < lines.length, `${label}: step outside the document`);
}

test(`seeded generative inputs never throw, never loop, stay in range (seed ${SEED}, ${ROUNDS} rounds each)`, { timeout: 120_000 }, () => {
  const r = rng(SEED);
  const kinds: [string, (r: () => number) => string][] = [['mutated', mutate], ['bytes', randomBytes], ['tokens', randomTokens]];
  for (const [kind, make] of kinds) {
    for (let i = 0; i < ROUNDS; i++) {
      const text = make(r);
      const label = `${kind} #${i} (TCPSEQ_SEED=${SEED})\n${JSON.stringify(text)}`;
      let a: Analysis;
      try { a = analyze(text); } catch (e) { assert.fail(`${label}: threw ${(e as Error).stack}`); }
      checkInvariants(text, a, label);
    }
  }
});

test("very long lines, huge numbers and many endpoints stay well-behaved", { timeout: 60_000 }, () => {
  const long = 'a -> b: SYN seq=1 ' + 'ACK '.repeat(50_000) + 'data="' + 'z'.repeat(100_000) + '"\n';
  checkInvariants(long, analyze(long), 'long line');
  const unterminated = 'a -> b: ACK data="' + 'q'.repeat(200_000);
  checkInvariants(unterminated, analyze(unterminated), 'unterminated string');
  const many = Array.from({ length: 2000 }, (_, i) => `n${i} -> m${i}: SYN seq=${i}`).join('\n');
  const a = analyze(many);
  checkInvariants(many, a, 'many endpoints');
  assert.equal(a.endpoints.length, 2);
  assert.equal(analyze('').diagnostics.length, 0);
  assert.equal(analyze('\n\n\n').steps.length, 0);
});
