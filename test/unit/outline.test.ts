// Document symbols and folding ranges: sections with their events, title and endpoints on top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, type Range } from '../../src/core/index.ts';
import { documentOutline, foldingRegions, type OutlineSymbol } from '../../src/core/editor/outline.ts';

const outline = (text: string) => documentOutline(parse(text).document);
const tree = (list: OutlineSymbol[]): unknown[] => list.map((s) => (s.children.length ? [`${s.kind} ${s.name}`, tree(s.children)] : `${s.kind} ${s.name}`));

const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

const TEXT = [
  '# a comment',                                      // 0
  'title Handshake and close',                        // 1
  'endpoint client as "Client"',                      // 2
  'endpoint server LISTEN',                           // 3
  '',                                                 // 4
  '== Handshake ==',                                  // 5
  'client -> server: SYN seq=x => client SYN_SENT',   // 6
  'note: the SYN',                                    // 7
  'server -> client: S. seq=y ack=x+1',               // 8
  'client -> server: ACK seq=x+1 ack=y+1',            // 9
  '',                                                 // 10
  '# about the close',                                // 11
  '== Close ==',                                      // 12
  'client ~> server: FIN+ACK seq=x+1 ack=y+1 id=f',   // 13
  'deliver f',                                        // 14
  'client -> server: BOGUS seq=1',                    // 15
  'client close',                                     // 16
  'expect server CLOSE_WAIT',                         // 17
  '',                                                 // 18
].join('\n');

test('sections hold their events; title and endpoints are on top', () => {
  assert.deepEqual(tree(outline(TEXT)), [
    'title Handshake and close',
    'endpoint client',
    'endpoint server',
    ['section Handshake', ['segment client -> server: SYN', 'segment server -> client: SYN+ACK', 'segment client -> server: ACK']],
    ['section Close', ['segment client ~> server: FIN+ACK', 'deliver deliver f', 'segment client -> server: BOGUS', 'action client close', 'expect expect server CLOSE_WAIT']],
  ]);
});

test('ranges: a section runs from its header to its last statement, children inside it', () => {
  const symbols = outline(TEXT);
  const [hs, close] = symbols.filter((s) => s.kind === 'section');
  assert.deepEqual([hs.range.start.line, hs.range.end.line, hs.range.end.character], [5, 9, 'client -> server: ACK seq=x+1 ack=y+1'.length]);
  assert.deepEqual([close.range.start.line, close.range.end.line], [12, 17]);
  for (const s of symbols) {
    assert.ok(inside(s.selectionRange, s.range), s.name);
    for (const c of s.children) { assert.ok(inside(c.range, s.range), c.name); assert.ok(inside(c.selectionRange, c.range), c.name); }
  }
  const syn = hs.children[0];
  assert.equal(syn.range.start.line, 6);
  assert.equal(syn.detail, 'seq=x  ⇒ client SYN_SENT');
  const endpoint = symbols.find((s) => s.name === 'server')!;
  assert.equal(endpoint.detail, 'LISTEN');
  assert.equal(symbols.find((s) => s.name === 'client')!.detail, 'CLOSED · "Client"');
});

test('folding: one region per section, one per run of comment lines', () => {
  const text = '# one\n# two\n' + TEXT;
  const regions = foldingRegions(parse(text).document, text);
  assert.deepEqual(regions.map((r) => `${r.kind} ${r.start}-${r.end}`), ['comment 0-2', 'region 7-11', 'region 14-19']);
  assert.deepEqual(foldingRegions(parse(TEXT).document).map((r) => `${r.start}-${r.end}`), ['5-9', '12-17']);
});

test('no section: events on top; empty names are never returned', () => {
  assert.deepEqual(tree(outline('a -> b: SYN\nb -> a: SYN+ACK seq=0 ack=1\na wait\n')),
    ['segment a -> b: SYN', 'segment b -> a: SYN+ACK', 'action a wait 2MSL']);
  assert.deepEqual(tree(outline('== ==\na -> b:\n')), [['section (unnamed section)', ['segment a -> b: (no flags)']]]);
  assert.deepEqual(outline(''), []);
  assert.deepEqual(foldingRegions(parse('').document, ''), []);
});

test('every example has an outline whose names are never empty, with every event in it', () => {
  const dir = new URL('../../examples/', import.meta.url);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.tcpseq'))) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const doc = parse(text).document;
    const all: OutlineSymbol[] = [];
    const walk = (l: OutlineSymbol[]) => l.forEach((s) => { all.push(s); walk(s.children); });
    walk(documentOutline(doc));
    for (const s of all) assert.ok(s.name.trim().length > 0, f);
    const events = doc.statements.filter((s) => ['segment', 'action', 'deliver', 'expect'].includes(s.kind)).length;
    assert.equal(all.filter((s) => ['segment', 'action', 'deliver', 'expect'].includes(s.kind)).length, events, f);
  }
});

test('contract v2 lines in the outline: an ESTABLISHED start, a crash as an action, an old duplicate as a segment', () => {
  const list = outline(['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', '== Figure 9 ==', 'A crash', 'old B -> A: SYN seq=5'].join('\n'));
  assert.deepEqual(list.slice(0, 2).map((s) => [s.kind, s.name, s.detail]), [['endpoint', 'A', 'ESTABLISHED'], ['endpoint', 'B', 'ESTABLISHED']]);
  const section = list[2]!;
  assert.deepEqual(section.children.map((c) => c.kind), ['action', 'segment']);
  assert.equal(section.children[0]!.name, 'A crash');
  assert.match(section.children[1]!.name, /B -> A: SYN/);
});
