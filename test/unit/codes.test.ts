// Every diagnostic code of contract section 5, with its severity, on the line 4.3 says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, DIAGNOSTIC_CODES } from '../../src/core/index.ts';
import { file, HANDSHAKE } from './helpers.ts';

const H = HANDSHAKE; // lines 1-5; ESTABLISHED on both sides after line 5

const cases: { code: string; severity: string; line: number; text: string }[] = [
  { code: 'syntax-error', severity: 'error', line: 2, text: file('endpoint a', 'this is not a statement', 'endpoint b') },
  { code: 'unknown-flag', severity: 'error', line: 1, text: file('a -> b: SYNN seq=1') },
  { code: 'invalid-flags', severity: 'error', line: 1, text: file('a -> b: SYN+FIN seq=1') },
  { code: 'invalid-flags', severity: 'error', line: 1, text: file('a -> b: seq=1') },
  { code: 'invalid-flags', severity: 'error', line: 1, text: file('a -> b: S R seq=1') },
  { code: 'unknown-state', severity: 'error', line: 1, text: file('a -> b: SYN seq=1 => a SYN_SNET') },
  { code: 'invalid-initial-state', severity: 'error', line: 1, text: file('endpoint a SYN_SENT', 'endpoint b') },
  { code: 'invalid-initial-state', severity: 'error', line: 2, text: file('endpoint a ESTABLISHED', 'endpoint b') },
  { code: 'invalid-initial-state', severity: 'error', line: 2, text: file('endpoint a ESTABLISHED snd=1', 'endpoint b ESTABLISHED rcv=2') },
  { code: 'unknown-endpoint', severity: 'error', line: 3, text: file('endpoint a', 'endpoint b LISTEN', 'a -> c: SYN seq=1') },
  { code: 'duplicate-endpoint', severity: 'error', line: 2, text: file('endpoint a', 'endpoint a LISTEN', 'endpoint b') },
  { code: 'too-many-endpoints', severity: 'error', line: 3, text: file('endpoint a', 'endpoint b', 'endpoint c') },
  { code: 'too-many-endpoints', severity: 'error', line: 2, text: file('a -> b: SYN seq=1', 'c -> b: SYN seq=5') },
  { code: 'self-segment', severity: 'error', line: 1, text: file('a -> a: SYN seq=1') },
  { code: 'invalid-number', severity: 'error', line: 1, text: file('a -> b: SYN seq=4294967296') },
  { code: 'invalid-number', severity: 'error', line: 1, text: file('a -> b: SYN seq=x+y') },
  { code: 'invalid-number', severity: 'error', line: 1, text: file('a -> b: SYN seq=-1') },
  { code: 'invalid-number', severity: 'error', line: 1, text: file('a -> b: SYN seq=0-x') },
  { code: 'invalid-number', severity: 'error', line: 1, text: file('a -> b: SYN seq=1 len=-5') },
  { code: 'duplicate-field', severity: 'error', line: 1, text: file('a -> b: SYN seq=1 seq=2') },
  { code: 'duplicate-field', severity: 'error', line: 6, text: file(...H, 'client -> server: ACK data="hi" len=2') },
  { code: 'id-required', severity: 'error', line: 1, text: file('a ~> b: SYN seq=1') },
  { code: 'duplicate-id', severity: 'error', line: 2, text: file('a -x b: SYN seq=1 id=s', 'a -> b: SYN seq=1 id=s') },
  { code: 'unknown-id', severity: 'error', line: 2, text: file('a -> b: SYN seq=1', 'deliver nope') },
  { code: 'unexpected-segment', severity: 'error', line: 1, text: file('a -> b: ACK seq=1 ack=1') },
  { code: 'unexpected-segment', severity: 'error', line: 6, text: file(...H, 'client -> server: SYN seq=x') },
  { code: 'missing-ack-flag', severity: 'error', line: 6, text: file(...H, 'client -> server: PSH seq=x+1 len=10') },
  { code: 'ack-without-flag', severity: 'warning', line: 1, text: file('a -> b: SYN seq=1 ack=5') },
  { code: 'wrong-seq', severity: 'error', line: 5, text: file(...H.slice(0, 4), 'client -> server: ACK seq=x ack=y+1') },
  { code: 'wrong-ack', severity: 'error', line: 4, text: file(...H.slice(0, 3), 'server -> client: SYN+ACK seq=y ack=x') },
  { code: 'wrong-ack', severity: 'error', line: 6, text: file(...H, 'client -> server: ACK seq=x+1 ack=y+100') },
  { code: 'data-after-fin', severity: 'error', line: 7, text: file(...H, 'client -> server: FIN+ACK seq=x+1 ack=y+1', 'client -> server: ACK seq=x+2 ack=y+1 len=5') },
  { code: 'retransmission', severity: 'info', line: 7, text: file(...H, 'client -x server: ACK seq=x+1 ack=y+1 len=10', 'client -> server: ACK seq=x+1 ack=y+1 len=10') },
  { code: 'keep-alive', severity: 'info', line: 6, text: file(...H, 'client -> server: ACK seq=x ack=y+1') },
  { code: 'duplicate-segment', severity: 'info', line: 7, text: file(...H, 'client -> server: ACK seq=x+1 ack=y+1 len=10', 'client -> server: ACK seq=x+1 ack=y+1 len=10') },
  { code: 'out-of-order', severity: 'info', line: 7, text: file(...H, 'client -x server: ACK seq=x+1 ack=y+1 len=10', 'client -> server: ACK seq=x+11 ack=y+1 len=10') },
  { code: 'rst-expected', severity: 'warning', line: 3, text: file('endpoint a', 'endpoint b', 'a -> b: SYN seq=1') },
  { code: 'ignored-segment', severity: 'warning', line: 3, text: file('endpoint a', 'endpoint b LISTEN', 'old a -> b: FIN seq=1') },
  { code: 'window-exceeded', severity: 'error', line: 3, text: file('endpoint a ESTABLISHED snd=1 rcv=1', 'endpoint b ESTABLISHED win=10', 'a -> b: ACK seq=1 ack=1 len=11') },
  { code: 'window-probe', severity: 'info', line: 3, text: file('endpoint a ESTABLISHED snd=1 rcv=1', 'endpoint b ESTABLISHED win=0', 'a -> b: ACK seq=1 ack=1 len=1') },
  { code: 'challenge-ack', severity: 'info', line: 6, text: file(...H, 'old client -> server: SYN seq=x+500') },
  { code: 'state-mismatch', severity: 'error', line: 1, text: file('a -> b: SYN seq=1 => a ESTABLISHED') },
  { code: 'invalid-action', severity: 'error', line: 6, text: file(...H, 'client close') },
  { code: 'unacknowledged', severity: 'warning', line: 6, text: file(...H, 'client -> server: FIN+ACK seq=x+1 ack=y+1') },
  { code: 'undelivered', severity: 'warning', line: 1, text: file('a ~> b: SYN seq=1 id=s') },
];

for (const c of cases) {
  test(`${c.code} (${c.severity}) on line ${c.line}: ${c.text.trim().split('\n').pop()}`, () => {
    const a = analyze(c.text);
    const hit = a.diagnostics.find((d) => d.code === c.code);
    assert.ok(hit, `expected ${c.code}; found ${a.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`).join(' | ') || 'nothing'}`);
    assert.equal(hit.severity, c.severity);
    assert.equal(hit.range.start.line + 1, c.line);
    assert.ok(hit.message.length > 10, 'the message says something');
  });
}

test('every code of section 5 is exercised above', () => {
  const covered = new Set(cases.map((c) => c.code));
  assert.deepEqual(DIAGNOSTIC_CODES.filter((c) => !covered.has(c)), []);
});

test('the contract example (section 7) runs clean to TIME_WAIT/CLOSED', () => {
  const a = analyze(file(
    'title Three-way handshake and four-way teardown', 'endpoint client', 'endpoint server LISTEN', '',
    '== Handshake ==',
    'client -> server: SYN seq=x                     => client SYN_SENT, server SYN_RECEIVED',
    'server -> client: SYN+ACK seq=y ack=x+1         => client ESTABLISHED',
    'client -> server: ACK seq=x+1 ack=y+1           => server ESTABLISHED', '',
    '== Teardown ==',
    'client -> server: FIN+ACK seq=u ack=v           => client FIN_WAIT_1, server CLOSE_WAIT',
    'server -> client: ACK seq=v ack=u+1             => client FIN_WAIT_2',
    'server -> client: FIN+ACK seq=w ack=u+1         => server LAST_ACK, client TIME_WAIT',
    'client -> server: ACK seq=u+1 ack=w+1           => server CLOSED',
    'client wait 2MSL                                => client CLOSED'));
  assert.deepEqual(a.diagnostics.map((d) => d.message), []);
  assert.deepEqual(a.final, ['CLOSED', 'CLOSED']);
  assert.equal(a.title, 'Three-way handshake and four-way teardown');
});
