// npm run bench: the core's check time for 1,000 / 10,000 / 100,000 segments, throughput, the ratio to
// JSON.parse of the same events (the native floor) and how the time scales; then 100,000 segments with
// 1 % slips (a wrong seq or ack every ~100 segments, each read both ways by the look-ahead of contract
// 4.4) against the clean file. Prints numbers; asserts nothing.
// Two clocks: wall time, and the process's CPU time (user + system, GC threads included), which stays
// meaningful when other processes share the cores (the load average is printed so the reader can tell).
import { analyze } from '../src/core/index.ts';
import { generate } from './generate.ts';
import { cpus, loadavg } from 'node:os';

interface Timing { wall: number; cpu: number }

function median(xs: number[]): number { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function time(fn: () => void, runs: number): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
const runsFor = (n: number) => (n >= 100_000 ? 7 : n >= 10_000 ? 15 : 51);

interface Row { label: string; mb: number; check: Timing; json?: number; findings: number; note?: string }

function measure(label: string, text: string, n: number, json?: string, note?: string): Row {
  for (let i = 0; i < 3; i++) analyze(text); // warm up
  const findings = analyze(text).diagnostics.filter((d) => d.severity !== 'info').length;
  const check = time(() => analyze(text), runsFor(n));
  const parse = json === undefined ? undefined : time(() => JSON.parse(json), runsFor(n)).wall;
  return { label, mb: text.length / 1e6, check, json: parse, findings, note };
}

const load = loadavg()[0];
console.log(`tcpseq core benchmark (node ${process.version}, median of repeated runs; load average ${load.toFixed(1)} on ${cpus().length} CPUs${load > cpus().length ? ': the machine is busy, trust the cpu column more than the wall column' : ''})`);

const rows: Row[] = [];
for (const n of [1_000, 10_000, 100_000]) {
  const { text, events } = generate(n);
  rows.push(measure(String(n), text, n, JSON.stringify(events)));
}
const slipped = generate(100_000, { slipEvery: 100 });
const slips = measure('100000', slipped.text, 100_000, undefined, `with ${slipped.slips} slips (1 %)`);

const pad = (s: string, w: number) => s.padStart(w);
const cols = ['segments', 'file MB', 'check ms', 'cpu ms', 'MB/s', 'JSON.parse ms', 'x JSON', 'errors+warnings'];
console.log(cols.map((h, i) => pad(h, i === 0 ? 9 : 16)).join(''));
for (const r of [...rows, slips]) {
  console.log([pad(r.label, 9), pad(r.mb.toFixed(2), 16), pad(r.check.wall.toFixed(1), 16), pad(r.check.cpu.toFixed(1), 16),
    pad((r.mb / (r.check.wall / 1000)).toFixed(1), 16), pad(r.json === undefined ? '' : r.json.toFixed(1), 16),
    pad(r.json === undefined ? '' : (r.check.wall / r.json).toFixed(2), 16), pad(String(r.findings), 16)].join('') + (r.note ? `   ${r.note}` : ''));
}

const [small, mid, large] = rows;
console.log(`scaling: 10x segments costs ${(mid.check.wall / small.check.wall).toFixed(2)}x (1k->10k), ${(large.check.wall / mid.check.wall).toFixed(2)}x (10k->100k); target <= 11x`);
console.log(`targets: 100,000 segments in ${large.check.wall.toFixed(0)} ms (target < 250 ms), ${(large.check.wall / large.json!).toFixed(2)}x JSON.parse (target <= 3x)`);
console.log(`slips: 100,000 segments with ${slipped.slips} slips in ${slips.check.wall.toFixed(0)} ms (cpu ${slips.check.cpu.toFixed(0)} ms): `
  + `${(slips.check.wall / large.check.wall).toFixed(2)}x the clean file (cpu ${(slips.check.cpu / large.check.cpu).toFixed(2)}x; target <= 1.5x); `
  + `${slips.findings} errors+warnings for ${slipped.slips} slips (target: one each)`);
