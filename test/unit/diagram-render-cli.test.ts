// `tcpseq render` (contract section 6): Mermaid text or an offline HTML page; exit 2 with one line on stderr
// for bad arguments or an unreadable file; never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { runRender } from '../../src/cli/render.ts';
import type { CliIO } from '../../src/cli/io.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/04-simultaneous-open.tcpseq');

function fakeIO(stdin = ''): CliIO & { out: string; err: string[] } {
  const io = {
    out: '', err: [] as string[], interactive: false,
    write(t: string) { io.out += t; },
    error(l: string) { io.err.push(l); },
    readStdin: async () => stdin,
  };
  return io;
}

test('render writes the Mermaid text of the file by default', async () => {
  const io = fakeIO();
  assert.equal(await runRender([EXAMPLE], io), 0);
  const text = readFileSync(EXAMPLE, 'utf8');
  assert.equal(io.out, diagramOf(analyze(text), text).mermaid);
  assert.deepEqual(io.err, []);
});

test('render reads standard input with -', async () => {
  const io = fakeIO('a -> b: SYN\n');
  assert.equal(await runRender(['--format', 'mermaid', '-'], io), 0);
  assert.match(io.out, /^sequenceDiagram\n/);
  assert.match(io.out, /p0->>p1: SYN/);
});

test('render --format html -o writes a self-contained page with the diagram data inside', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcpseq-render-'));
  try {
    const file = join(dir, 'hostile.tcpseq');
    writeFileSync(file, 'title </script><script>alert(1)</script>\na -> b: SYN\nnote: </script> <!-- x\n');
    const out = join(dir, 'page.html');
    const io = fakeIO();
    assert.equal(await runRender(['--format=html', '-o', out, file], io), 0, io.err.join('\n'));
    assert.equal(io.out, '');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/cdn/i, 'nothing loaded from elsewhere');
    // The file's text appears only escaped: one opening and one closing tag per inline script.
    assert.equal((html.match(/<script/g) ?? []).length, 2);
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
    const data = JSON.parse(html.match(/<script type="application\/json" id="tcpseq-data">(.*?)<\/script>/s)![1]!);
    assert.match(data.mermaid, /^sequenceDiagram\n/);
    assert.equal(data.messages.length, 1);
    assert.ok(html.length > 1_000_000, 'Mermaid is inlined');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad arguments and unreadable files exit 2 with one line on stderr', async () => {
  for (const args of [[], ['--format', 'pdf', EXAMPLE], ['--format'], ['-o'], ['--bogus', EXAMPLE], [EXAMPLE, EXAMPLE], ['/no/such/file.tcpseq'], [resolve(EXAMPLE, '..')]]) {
    const io = fakeIO();
    assert.equal(await runRender(args, io), 2, `args ${JSON.stringify(args)}`);
    assert.equal(io.err.length, 1, `one line for ${JSON.stringify(args)}: ${io.err.join(' | ')}`);
    assert.match(io.err[0]!, /^tcpseq render: /);
    assert.equal(io.out, '');
  }
  const io = fakeIO();
  assert.equal(await runRender(['-o', '/no/such/dir/out.mmd', EXAMPLE], io), 2);
  assert.match(io.err[0]!, /cannot write/);
});
