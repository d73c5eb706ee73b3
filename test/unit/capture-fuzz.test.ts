// Fuzzing the readers and the conversion with mutated real captures: flipped bytes, cuts, inserted
// garbage, repeated pieces. Nothing throws, nothing hangs, every error names a position, and whatever is
// converted can be checked. Seeded, so a failure repeats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { chunksOf, describeProblem, importCapture, listConnections } from '../../src/core/capture/index.ts';
import { ODD_DIR } from './capture-fixtures.ts';

const DIR = join(import.meta.dirname, '../fixtures/captures');
const SOURCES = [join(DIR, 'basic.pcap'), join(DIR, 'loss.pcap'), join(DIR, 'crossing.pcapng'), join(DIR, 'bulk.pcapng'), join(DIR, 'multi.pcapng'), join(DIR, 'reuse.txt'), join(ODD_DIR, 'two-interfaces-be.pcapng'), join(ODD_DIR, 'ipv6-ext.pcap'), join(ODD_DIR, 'vlan.pcap')];

function prng(seed: number): () => number { // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(b: Uint8Array, rnd: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rnd() * n);
  const out = b.slice();
  switch (pick(5)) {
    case 0: for (let i = 0, n = 1 + pick(8); i < n; i++) out[pick(out.length)] = pick(256); return out;
    case 1: return out.subarray(0, pick(out.length));
    case 2: { const at = pick(out.length), junk = Uint8Array.from({ length: 1 + pick(64) }, () => pick(256)); const r = new Uint8Array(out.length + junk.length); r.set(out.subarray(0, at)); r.set(junk, at); r.set(out.subarray(at), at + junk.length); return r; }
    case 3: { const a = pick(out.length), len = pick(200), piece = out.slice(a, a + len); const r = new Uint8Array(out.length + piece.length); r.set(out); r.set(piece, out.length); return r; }
    default: { for (let i = 0; i < 4; i++) { const at = pick(out.length - 4); out[at] = 0xff; out[at + 1] = 0xff; } return out; } // big lengths
  }
}

for (const file of SOURCES) {
  test(`fuzz ${file.split('/').slice(-2).join('/')}: 100 mutations read without a throw or a hang, errors say where`, async () => {
    const original = new Uint8Array(readFileSync(file));
    const name = file.split('/').slice(-2).join('/');
    const rnd = prng([...name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7919)); // the same mutations wherever the checkout is
    for (let i = 0; i < 100; i++) {
      const bytes = mutate(original, rnd);
      const list = await listConnections(chunksOf(bytes, 1 + Math.floor(rnd() * 300)));
      if (list.error) {
        assert.equal(typeof list.error.offset === 'number' || typeof list.error.packet === 'number', true, `mutation ${i}: the error names a position`);
        const message = describeProblem(list.error, list.stats.format, 'en');
        assert.doesNotMatch(message, /\{\w+\}|undefined|NaN/, `mutation ${i}: ${message}`);
        assert.doesNotMatch(describeProblem(list.error, list.stats.format, 'zh-cn'), /\{\w+\}|undefined|NaN/);
      }
      // a warning says where: the packet, or the byte offset of a block that is no packet (an interface)
      for (const w of list.stats.warnings) assert.ok(typeof w.packet === 'number' || (typeof w.offset === 'number' && w.text.id === 'capture.warn.linkType'), `mutation ${i}: ${w.text.id}`);
      if (list.connections.length === 0) continue;
      const r = await importCapture(chunksOf(bytes), 1 + Math.floor(rnd() * list.connections.length));
      assert.ok(r.converted, `mutation ${i}: the listed connection converts`);
      assert.doesNotMatch(r.converted!.text, /NaN|undefined|Infinity/, `mutation ${i}`);
      analyze(r.converted!.text); // the checker takes whatever the conversion wrote
    }
  });
}
