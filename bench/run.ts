// npm run bench: the core's check time for 1,000 / 10,000 / 100,000 segments, throughput, the ratio to
// JSON.parse of the same events (the native floor) and how the time scales. Prints numbers; asserts nothing.
import { analyze } from '../src/core/index.ts';
import { generate } from './generate.ts';

function median(xs: number[]): number { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function time(fn: () => void, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); ts.push(performance.now() - t0); }
  return median(ts);
}

const sizes = [1_000, 10_000, 100_000];
const rows: { n: number; mb: number; check: number; json: number; errors: number }[] = [];
for (const n of sizes) {
  const { text, events } = generate(n);
  const json = JSON.stringify(events);
  const runs = n >= 100_000 ? 7 : n >= 10_000 ? 15 : 51;
  for (let i = 0; i < 3; i++) analyze(text); // warm up
  const a = analyze(text);
  const errors = a.diagnostics.filter((d) => d.severity !== 'info').length;
  const check = time(() => analyze(text), runs);
  const parse = time(() => JSON.parse(json), runs);
  rows.push({ n, mb: text.length / 1e6, check, json: parse, errors });
}

const pad = (s: string, w: number) => s.padStart(w);
console.log(`tcpseq core benchmark (node ${process.version}, median of repeated runs)`);
console.log(['segments', 'file MB', 'check ms', 'MB/s', 'JSON.parse ms', 'x JSON', 'errors+warnings'].map((h, i) => pad(h, i === 0 ? 9 : 14)).join(''));
for (const r of rows) {
  console.log([pad(String(r.n), 9), pad(r.mb.toFixed(2), 14), pad(r.check.toFixed(1), 14), pad((r.mb / (r.check / 1000)).toFixed(1), 14),
    pad(r.json.toFixed(1), 14), pad((r.check / r.json).toFixed(2), 14), pad(String(r.errors), 14)].join(''));
}
const [small, mid, large] = rows;
console.log(`scaling: 10x segments costs ${(mid.check / small.check).toFixed(2)}x (1k->10k), ${(large.check / mid.check).toFixed(2)}x (10k->100k); target <= 11x`);
console.log(`targets: 100,000 segments in ${large.check.toFixed(0)} ms (target < 250 ms), ${(large.check / large.json).toFixed(2)}x JSON.parse (target <= 3x)`);
