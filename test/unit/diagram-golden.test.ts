// Golden tests of the Mermaid text of every example and every student mistake.
// After a deliberate change, regenerate with `UPDATE_GOLDEN=1 npm run test:unit` and review the diff by eye.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GOLDEN = join(ROOT, 'test/golden/mermaid');
const update = process.env.UPDATE_GOLDEN === '1';

const sets = [
  { dir: join(ROOT, 'examples'), golden: GOLDEN },
  { dir: join(ROOT, 'examples/mistakes'), golden: join(GOLDEN, 'mistakes') },
];

test('there are examples to compare', () => {
  assert.ok(readdirSync(sets[0]!.dir).filter((f) => f.endsWith('.tcpseq')).length >= 5);
});

for (const { dir, golden } of sets) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tcpseq')).sort()) {
    test(`Mermaid text of ${file} matches its golden file`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const { mermaid } = diagramOf(analyze(text), text);
      const path = join(golden, file.replace(/\.tcpseq$/, '.mmd'));
      if (update) {
        mkdirSync(golden, { recursive: true });
        writeFileSync(path, mermaid);
        return;
      }
      assert.ok(existsSync(path), `no golden file ${path}: run UPDATE_GOLDEN=1 node --import tsx --test ${import.meta.filename}`);
      assert.equal(mermaid, readFileSync(path, 'utf8'));
    });
  }
}
