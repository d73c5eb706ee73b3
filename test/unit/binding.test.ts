// Contract 2.3: sequence arithmetic modulo 2^32 and the binding of symbols; 2.5 actions; 2.4 expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, analyze, concrete, distance, formatPlain, Notation, unknown } from '../../src/core/index.ts';
import { file, found, HANDSHAKE as H, statesAt } from './helpers.ts';

test('values wrap modulo 2^32 and compare only within one unknown', () => {
  assert.equal(add(concrete(0xffffffff), 1).off, 0);
  assert.equal(distance(concrete(5), concrete(0xfffffffe)), 7);
  assert.equal(distance(unknown('x'), concrete(0)), undefined);
  assert.equal(formatPlain(add(unknown('x'), -1)), 'x-1');
});

test('messages print values from the nearest bound symbol (u = x+1 prints x+2 as u+1)', () => {
  const n = new Notation();
  n.alias('x', unknown('x'));
  n.alias('u', add(unknown('x'), 1));
  assert.equal(n.format(add(unknown('x'), 2)), 'u+1');
  assert.equal(n.format(unknown('x')), 'x');
  assert.equal(n.format(add(unknown('x'), 1)), 'u');
});

test('a new symbol takes the value expected where it first appears (FIN seq=u binds u = x+1)', () => {
  const a = analyze(file(...H, 'client -> server: FIN+ACK seq=u ack=v', 'server -> client: ACK seq=v ack=u'));
  assert.equal(a.format(a.symbols.get('u')!.value), 'u');
  assert.deepEqual(a.symbols.get('u')!.value, add(unknown('x'), 1));
  assert.deepEqual(a.symbols.get('v')!.value, add(unknown('y'), 1));
  const d = a.diagnostics.find((x) => x.code === 'wrong-ack');
  assert.match(d?.message ?? '', /^ack should be u\+1, the next octet server expects \(its RCV\.NXT\); found u;/);
});

test('where any value is right (the seq of a SYN), a new symbol is a new unknown', () => {
  const a = analyze(file(...H));
  assert.equal(a.symbols.get('x')!.unknown, true);
  assert.equal(a.symbols.get('y')!.unknown, true);
  assert.deepEqual(a.symbols.get('x')!.value, unknown('x'));
});

test('a symbol with a constant beside it binds to the expected value minus the constant', () => {
  const a = analyze(file(...H.slice(0, 4), 'client -> server: ACK seq=k+1 ack=y+1'));
  assert.deepEqual(a.symbols.get('k')!.value, unknown('x'));
  assert.deepEqual(a.diagnostics, []);
});

test('once bound, a symbol stands for its value: a later wrong use is an error', () => {
  assert.deepEqual(found(file(...H, 'client -> server: FIN+ACK seq=u ack=y+1', 'server -> client: ACK seq=y+1 ack=u+2'), ['error']), ['7 wrong-ack']);
});

test('concrete numbers and symbols do not mix: 1001 is not x+1', () => {
  assert.deepEqual(found(file(...H.slice(0, 3), 'server -> client: SYN+ACK seq=y ack=1001'), ['error']), ['4 wrong-ack']);
});

test('actions: listen, close, wait 2MSL / timeout, each only where it applies', () => {
  const a = analyze(file('endpoint c', 'endpoint s', 's listen => s LISTEN', 's close => s CLOSED', 's listen', 'c -> s: SYN seq=1', 'c close => c CLOSED'));
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(found(file(...H, 'client wait 2MSL'), ['error']), ['6 invalid-action']);
  assert.deepEqual(found(file(...H, 'server listen'), ['error']), ['6 invalid-action']);
  const tw = file(...H, 'client -> server: FIN+ACK seq=x+1 ack=y+1', 'server -> client: FIN+ACK seq=y+1 ack=x+2', 'client -> server: ACK seq=x+2 ack=y+2', 'client timeout => client CLOSED');
  assert.deepEqual(found(tw), []);
  assert.equal(statesAt(analyze(tw), 9), 'client=CLOSED server=CLOSED');
});

test('expect asserts on its own line; assertions may end actions and deliver lines', () => {
  assert.deepEqual(found(file(...H, 'expect client ESTABLISHED, server ESTABLISHED')), []);
  assert.deepEqual(found(file(...H, 'expect client FIN_WAIT_2')), ['6 state-mismatch']);
  assert.deepEqual(found(file(...H, 'expect nobody CLOSED'), ['error']), ['6 unknown-endpoint']);
});

test('steps: one per event line (segment, action, deliver), none for expect or declarations', () => {
  const a = analyze(file('endpoint a', 'endpoint b LISTEN', 'a ~> b: SYN seq=1 id=s', 'expect a SYN_SENT', 'deliver s', 'b -> a: SYN+ACK seq=9 ack=2', 'a -> b: ACK seq=2 ack=10', 'note: done'));
  assert.deepEqual(a.steps.map((s) => s.line + 1), [3, 5, 6, 7]);
  assert.deepEqual(a.steps[1].before, ['SYN_SENT', 'LISTEN']);
  assert.deepEqual(a.steps[1].states, ['SYN_SENT', 'SYN_RECEIVED']);
});
