// The benchmark's generated files are checked, not only timed: the clean file has no finding, and in the
// file with 1 % slips every slip (a seq or an ack one too high) is exactly one finding on its own line —
// the look-ahead of contract 4.4 reads each one as meant, so nothing after it turns red.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { generate } from '../../bench/generate.ts';

const bad = (text: string) => analyze(text).diagnostics.filter((d) => d.severity !== 'info');

test('the generated clean file has no error or warning', () => {
  assert.deepEqual(bad(generate(3_000).text).map((d) => `${d.range.start.line + 1} ${d.code}`), []);
});

test('a generated file with 1 % slips gives one finding per slip, on the slip, of the slip\'s kind', () => {
  const g = generate(3_000, { slipEvery: 100 });
  const lines = g.text.split('\n');
  const slipLines = lines.flatMap((l, i) => (/# slip: (seq|ack)$/.test(l) ? [{ line: i + 1, kind: l.endsWith('seq') ? 'wrong-seq' : 'wrong-ack' }] : []));
  assert.ok(g.slips >= 25 && g.slips === slipLines.length, `expected about 30 slips, marked in the text; found ${g.slips}, ${slipLines.length} marked`);
  assert.ok(slipLines.some((s) => s.kind === 'wrong-seq') && slipLines.some((s) => s.kind === 'wrong-ack'), 'both kinds of slip');
  assert.deepEqual(bad(g.text).map((d) => `${d.range.start.line + 1} ${d.code}`), slipLines.map((s) => `${s.line} ${s.kind}`));
});
