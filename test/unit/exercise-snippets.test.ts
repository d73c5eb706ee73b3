// The exercise snippets (snippets/exercises.json): each expands, with its defaults and with other names
// typed in, to an exercise whose key has an answer for every blank and no finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeExercise } from '../../src/core/exercise/index.ts';

interface Snippet { prefix: string[]; description: string; body: string[] }
const snippets = JSON.parse(readFileSync(new URL('../../snippets/exercises.json', import.meta.url), 'utf8')) as Record<string, Snippet>;

/** Expands `${n:default}`, `${n|a,b|}` (first choice) and `$n` as the editor does with the values typed. */
function expand(body: string[], typed: Record<number, string> = {}): string {
  const text = body.join('\n');
  const values = new Map<number, string>();
  for (const m of text.matchAll(/\$\{(\d+)[:|]([^}|]*)[^}]*\}/g)) if (!values.has(Number(m[1]))) values.set(Number(m[1]), typed[Number(m[1])] ?? m[2]!.split(',')[0]!);
  return text.replace(/\$\{(\d+)[:|][^}]*\}|\$(\d+)/g, (_m, a, b) => values.get(Number(a ?? b)) ?? '');
}

test('four exercise snippets, each an exercise with blanks', () => {
  assert.equal(Object.keys(snippets).length, 4);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix.every((p) => p.startsWith('ex')), name);
    assert.match(expand(s.body), /^exercise (practice|exam) "/, name);
  }
});

for (const [name, s] of Object.entries(snippets)) {
  test(`${name}: every blank has an answer and the file no finding, with defaults and with other names`, () => {
    for (const typed of [{}, { 1: 'exam', 3: 'alice', 4: 'bob' }] as Record<number, string>[]) {
      const a = analyzeExercise(expand(s.body, typed));
      assert.ok(a.exercise.key.length >= 3, `${name}: ${a.exercise.key.length} blanks`);
      assert.deepEqual(a.exercise.key.filter((e) => e.bad).map((e) => `${e.line + 1} ${e.kind}`), [], name);
      assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`), [], name);
    }
  });
}
