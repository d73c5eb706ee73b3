// Every example is written in the formatter's style: formatting it changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatText } from '../../src/core/editor/format.ts';

const root = resolve(import.meta.dirname, '../../examples');
const files = [...readdirSync(root).map((f) => join(root, f)), ...readdirSync(join(root, 'mistakes')).map((f) => join(root, 'mistakes', f))].filter((f) => f.endsWith('.tcpseq'));

test('there are examples to check', () => assert.ok(files.length >= 20));
for (const f of files) {
  test(`${f.slice(root.length + 1)} formats to itself`, () => {
    const text = readFileSync(f, 'utf8');
    assert.equal(formatText(text), text);
  });
}
